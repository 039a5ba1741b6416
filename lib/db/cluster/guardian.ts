import "server-only";
import { spawn, type ChildProcess } from "node:child_process";

// Servers we start in process groups of their own (Postgres, and the launcher's Next and worker)
// outlive a process killed with SIGKILL — which is how Playwright's webServer, and `kill -9`,
// stop a launcher. A guardian is a tiny detached node process reading a pipe from us: we tell it
// which PIDs to signal; when the pipe closes because we died, it signals them and exits. On a
// normal exit we have stopped them already and told it to forget them, so it signals nothing.

const GUARDIAN_SOURCE = `
const targets = new Map();
let pending = "";
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {});
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  let end;
  while ((end = pending.indexOf("\\n")) >= 0) {
    const [command, pid, signal] = pending.slice(0, end).split(" ");
    pending = pending.slice(end + 1);
    if (command === "watch") targets.set(Number(pid), signal);
    else targets.delete(Number(pid));
  }
});
process.stdin.on("end", () => {
  for (const [pid, signal] of targets) { try { process.kill(pid, signal); } catch {} }
  process.exit(0);
});
`;

let guardian: ChildProcess | undefined;

function ensureGuardian(): ChildProcess {
  if (guardian && guardian.exitCode === null && guardian.stdin?.writable) return guardian;
  const child = spawn(process.execPath, ["-e", GUARDIAN_SOURCE], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.on("error", () => undefined);
  child.stdin?.on("error", () => undefined);
  // Neither the guardian nor its pipe may keep our event loop alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  guardian = child;
  return child;
}

/**
 * Has `pid` signalled if this process dies before calling the returned function. A negative
 * PID means a whole process group, as with kill(2).
 */
export function guardProcess(pid: number, signal: NodeJS.Signals): () => void {
  const child = ensureGuardian();
  child.stdin?.write(`watch ${pid} ${signal}\n`);
  return () => {
    if (child.stdin?.writable) child.stdin.write(`forget ${pid}\n`);
  };
}

/** The guardian's PID (tests kill it to leave a server truly orphaned). */
export function guardianPid(): number | undefined {
  return guardian?.pid;
}
