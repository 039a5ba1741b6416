import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

// npm run bench -- certificates (the measurement: support/certificates-run.ts). @react-pdf's
// reconciler needs React's client build, which the runner's `--conditions=react-server` swaps for
// the server one; so the measurement runs in a child without that condition, with the hook that
// resolves "server-only" to its empty module, as the production web server does
// (scripts/server/register-hooks.mjs).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "--import",
    "./scripts/server/register-hooks.mjs",
    "scripts/bench/support/certificates-run.ts",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
