import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { guardProcess } from "@/lib/db/cluster/guardian";

// Next and the worker run in process groups of their own: Ctrl-C in the terminal reaches only
// the launcher, which then stops them (each with whatever it spawned) before Postgres, in that
// order. If the launcher exits without stopping them, its exit handler signals the groups; if it
// is killed outright (SIGKILL), the guardian does.

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

export type ManagedChild = {
  name: string;
  pid: number;
  /** Settles when the child has exited, however that happened. */
  exited: Promise<ChildExit>;
  /** SIGTERM to its process group; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<ChildExit>;
};

const live = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function killLiveGroups() {
  for (const child of live) signalGroup(child, "SIGTERM");
}

export function startChild(options: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
}): ManagedChild {
  if (live.size === 0 && !process.listeners("exit").includes(killLiveGroups)) process.on("exit", killLiveGroups);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: "inherit",
    detached: true,
  });
  live.add(child);
  const unguard = child.pid ? guardProcess(-child.pid, "SIGTERM") : () => undefined;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      unguard();
      resolve({ code, signal });
    });
    child.once("error", () => {
      live.delete(child);
      unguard();
      resolve({ code: 127, signal: null });
    });
  });
  return {
    name: options.name,
    pid: child.pid ?? 0,
    exited,
    async stop(graceMs = 10_000) {
      signalGroup(child, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      // Whatever the child left in its group (Next's own workers) goes with it.
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // the group is already empty
      }
      return result;
    },
  };
}

/** Resolves once something accepts TCP connections on the port, or rejects if `exited` settles first. */
export async function waitForPort(port: number, exited: Promise<ChildExit>, timeoutMs = 120_000): Promise<void> {
  let done = false;
  const exitedFirst = exited.then((result) => {
    done = true;
    throw new Error(`exited with ${result.signal ?? `code ${result.code}`}`);
  });
  const deadline = Date.now() + timeoutMs;
  const poll = (async () => {
    while (!done) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ port, host: "localhost" });
        socket.once("connect", () => {
          socket.destroy();
          resolve(true);
        });
        socket.once("error", () => resolve(false));
      });
      if (open) return;
      if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    await Promise.race([poll, exitedFirst]);
  } finally {
    done = true;
    exitedFirst.catch(() => undefined);
  }
}
