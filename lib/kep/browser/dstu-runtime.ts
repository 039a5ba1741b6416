// jkurwa and gost89 (DSTU 4145, GOST 34.311, Key-6.dat, JKS) in the browser: they work on the
// `buffer` package's Buffer, which this module installs as a global before they load (a few of
// their modules use the global). Only their model modules are imported, never jkurwa's index,
// which pulls in Node's fs. Neither evaluates code from strings (CSP without unsafe-eval).
import { Buffer as BufferPolyfill } from "buffer";

const scope = globalThis as { Buffer?: unknown };
if (!scope.Buffer) scope.Buffer = BufferPolyfill;

export const DstuBuffer = BufferPolyfill;
