// The web server process runs Next.js itself, so it cannot use `--conditions=react-server`
// (React's server build would replace the one Next renders with). Our domain modules mark
// themselves `import "server-only"`; this hook resolves that marker to its empty module, as
// Next's bundler does for server code, so the fast routes can import the domain directly.
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
