import { describe, expect, it } from "vitest";
import { cpuBetween, cpuSnapshot, kindOf, machineTicks } from "./cpu-by-process";

describe("where a benchmark's CPU went", () => {
  it("names each kind of process by its command line", () => {
    const node = "/usr/bin/node --import tsx --import ./scripts/server/register-hooks.mjs";
    expect(kindOf(`${node} scripts/status-server.ts start`, "node")).toBe("status");
    expect(kindOf(`${node} scripts/server.ts start`, "node")).toBe("web");
    expect(kindOf("/usr/bin/node --conditions=react-server --import tsx scripts/worker.ts", "node")).toBe("workers");
    expect(kindOf("postgres: postgres bench_peak [local] idle", "postgres")).toBe("postgres");
    expect(kindOf("/x/native/bin/postgres -D /tmp/data -p 5432", "postgres")).toBe("postgres");
    expect(kindOf("/x/esbuild --service=0.25.0 --ping", "esbuild")).toBe("other");
  });

  it("reads the machine's busy and total ticks from /proc/stat", () => {
    const stat = "cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 50 2 25 400 10 1 1 5 0 0\n";
    expect(machineTicks(stat)).toEqual({ busy: 170, total: 990 });
    expect(() => machineTicks("intr 1 2 3")).toThrow();
  });

  it("turns two snapshots into the busy share and cores per kind", () => {
    const kinds = { web: 0, status: 0, workers: 0, postgres: 0, loadGenerator: 0, other: 0 };
    const before = { at: 0, machine: { busy: 0, total: 0 }, byKind: { ...kinds } };
    const after = {
      at: 10_000,
      machine: { busy: 1_500, total: 2_000 },
      byKind: { ...kinds, web: 800, postgres: 450, loadGenerator: 100 },
    };
    expect(cpuBetween(before, after)).toEqual({
      machineBusy: 0.75,
      cores: { web: 0.8, status: 0, workers: 0, postgres: 0.45, loadGenerator: 0.1, other: 0 },
    });
    expect(cpuBetween(null, after)).toBeNull();
  });

  it("counts this process as the load generator on a real /proc", () => {
    const start = cpuSnapshot();
    if (!start) return; // not Linux
    // Busy until this process has used 50 ms of CPU (5 ticks), however loaded the machine is.
    const used = process.cpuUsage();
    const giveUp = performance.now() + 10_000;
    while (performance.now() < giveUp) {
      const { user, system } = process.cpuUsage(used);
      if (user + system >= 50_000) break;
    }
    const end = cpuSnapshot()!;
    expect(end.byKind.loadGenerator).toBeGreaterThan(start.byKind.loadGenerator);
    expect(end.machine.total).toBeGreaterThan(start.machine.total);
  });
});
