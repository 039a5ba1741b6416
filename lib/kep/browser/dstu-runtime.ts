// jkurwa and gost89 (DSTU 4145, GOST 34.311, Key-6.dat, JKS) in the browser. gost89 reads typed
// array constructors from Node's `global`, which browsers do not have: it is pointed at
// globalThis before any of their functions runs. They work on the `buffer` package's Buffer;
// the global one is set for the few places that use it unimported. Only jkurwa's model modules
// are imported, never its index, which pulls in Node's fs. Neither evaluates code from strings
// (a CSP without unsafe-eval holds).
import { Buffer as BufferPolyfill } from "buffer";

const scope = globalThis as { Buffer?: unknown; global?: unknown };
if (!scope.global) scope.global = globalThis;
if (!scope.Buffer) scope.Buffer = BufferPolyfill;

export const DstuBuffer = BufferPolyfill;
