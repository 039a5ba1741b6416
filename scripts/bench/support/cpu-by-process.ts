import { readdirSync, readFileSync } from "node:fs";

// Where a benchmark's CPU went, read from /proc (Linux): the machine's busy share from /proc/stat
// and, per kind of process, the CPU time its processes used between two snapshots. A process's
// time counts with its reaped children's (cutime, cstime): a Postgres backend that exits is
// reaped by the postmaster, a killed web process by the cluster's primary, so their time stays
// with their kind. The load generator is this process alone (its own time, not its children's:
// the web server and the workers it started are counted as what they are).

export type CpuKind = "web" | "status" | "workers" | "postgres" | "loadGenerator" | "other";
const KINDS: readonly CpuKind[] = ["web", "status", "workers", "postgres", "loadGenerator", "other"];

/** USER_HZ: clock ticks a second in /proc's times, 100 on every Linux the portal runs on. */
const TICKS_PER_SECOND = 100;

export type CpuSnapshot = {
  at: number;
  /** /proc/stat's first line: all cores' ticks, and those not idle nor waiting on I/O. */
  machine: { busy: number; total: number };
  /** Ticks per kind of process. */
  byKind: Record<CpuKind, number>;
};

/** Which kind a process is, by its command line and its name (comm) in /proc. */
export function kindOf(cmdline: string, comm: string): CpuKind {
  if (cmdline.includes("scripts/status-server.ts")) return "status";
  if (cmdline.includes("scripts/server.ts")) return "web";
  if (cmdline.includes("scripts/worker.ts")) return "workers";
  if (comm === "postgres" || /(^|\/)postgres( |$)/.test(cmdline)) return "postgres";
  return "other";
}

/** The busy and total ticks of /proc/stat's "cpu" line (busy: all but idle and iowait). */
export function machineTicks(procStat: string): { busy: number; total: number } {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) throw new Error("/proc/stat без рядка cpu");
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

/** A snapshot of the machine and of every process's CPU ticks; null where /proc is not there. */
export function cpuSnapshot(self = process.pid): CpuSnapshot | null {
  let machine: CpuSnapshot["machine"];
  try {
    machine = machineTicks(readFileSync("/proc/stat", "utf8"));
  } catch {
    return null;
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<CpuKind, number>;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Fields after the name: utime, stime, cutime, cstime are the 12th to the 15th.
      const f = stat
        .slice(stat.lastIndexOf(")") + 2)
        .split(" ")
        .map(Number);
      const own = f[11]! + f[12]!;
      if (Number(entry) === self) {
        byKind.loadGenerator += own;
        continue;
      }
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      byKind[kindOf(cmdline, comm)] += own + f[13]! + f[14]!;
    } catch {
      // gone meanwhile
    }
  }
  return { at: performance.now(), machine, byKind };
}

/** Between two snapshots: the machine's busy share of all its cores, and cores used per kind. */
export function cpuBetween(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
): { machineBusy: number; cores: Record<CpuKind, number> } | null {
  if (!before || !after) return null;
  const seconds = (after.at - before.at) / 1000;
  const round = (value: number) => Math.round(value * 100) / 100;
  const totalTicks = after.machine.total - before.machine.total;
  return {
    machineBusy: totalTicks > 0 ? round((after.machine.busy - before.machine.busy) / totalTicks) : 0,
    cores: Object.fromEntries(
      KINDS.map((k) => [k, round(Math.max(0, after.byKind[k] - before.byKind[k]) / TICKS_PER_SECOND / seconds)]),
    ) as Record<CpuKind, number>,
  };
}
