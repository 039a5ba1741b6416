import { readdirSync, readFileSync } from "node:fs";

/**
 * The processes `parent` started whose command line contains `marker` (Linux: /proc/<pid>/stat
 * names the parent). A node:cluster primary's forked processes, not tsx's esbuild service beside them.
 */
export function childProcessesOf(parent: number, marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parentPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parentPid === parent && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker))
        found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
