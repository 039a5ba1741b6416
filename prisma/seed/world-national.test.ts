import { beforeAll, describe, expect, it } from "vitest";
import { BIG_ENTERPRISE_SIZE } from "./plan-sizes";
import { demoUser } from "./demo-users";
import { materializeWorld, TEST_TODAY, type MaterializedWorld } from "./test-world";

// The national shape's invariants at a small size (the seed's generators are the same at ten
// million): most enterprises small, a giant, the demo's 10,000-employee enterprise untouched, a
// quarter critical holding most jobs, marks never above a limit in force, and many of them.

let world: MaterializedWorld;
let demo: MaterializedWorld;

beforeAll(() => {
  world = materializeWorld({ persons: 60_000, shape: "national" });
  demo = materializeWorld({ persons: 60_000 });
}, 180_000);

const share = (part: number, whole: number) => part / whole;

describe("the national shape", () => {
  it("is chosen from a million persons on, and the demo shape below", () => {
    expect(demo.shape).toBe("demo");
    expect(world.shape).toBe("national");
  });

  it("has mostly small enterprises, a long tail and a giant", () => {
    const sizes = world.sizes;
    expect(share(sizes.filter((n) => n < 50).length, sizes.length)).toBeGreaterThan(0.6);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    const sorted = [...sizes].sort((a, b) => b - a);
    expect(sorted[0]).toBe(BIG_ENTERPRISE_SIZE); // the demo's big one stays the biggest here
    expect(sorted[1]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it("keeps the demo users and the 10,000-employee enterprise as they are", () => {
    const big = demoUser("head-big").edrpou!;
    const index = world.enterprises.find((e) => e.edrpou === big)!.index;
    expect(world.state.counters.headcount[index]).toBe(
      demo.state.counters.headcount[demo.enterprises.find((e) => e.edrpou === big)!.index],
    );
    for (const key of ["head-big", "conscript-reserved", "conscript-eligible", "head-small"] as const) {
      const rnokpp = demoUser(key).rnokpp;
      const here = world.bundles.find((b) => b.person.rnokpp === rnokpp)!;
      const there = demo.bundles.find((b) => b.person.rnokpp === rnokpp)!;
      expect(here.person).toEqual(there.person);
      expect(here.employments.map((j) => j.edrpou)).toEqual(there.employments.map((j) => j.edrpou));
    }
  });

  it("makes about a quarter of the enterprises critical, holding most of the jobs", () => {
    const critical = world.critical.filter((plan) => plan !== null).length;
    expect(share(critical, world.enterprises.length)).toBeGreaterThan(0.23);
    expect(share(critical, world.enterprises.length)).toBeLessThan(0.27);
    const jobs = world.sizes.reduce((a, b) => a + b, 0);
    const criticalJobs = world.critical.reduce((sum, plan, i) => sum + (plan ? world.sizes[i]! : 0), 0);
    expect(share(criticalJobs, jobs)).toBeGreaterThan(0.6);
  });

  it("never has more active marks at an enterprise than its decision in force allows, and far more marks than the demo shape", () => {
    const active = new Map<string, number>();
    for (const b of world.bundles)
      for (const m of b.marks) if (m.status === "ACTIVE") active.set(m.edrpou, (active.get(m.edrpou) ?? 0) + 1);
    for (const [edrpou, count] of active) {
      const decision = world.decisions.find(
        (d) => d.edrpou === edrpou && d.status === "ACTIVE" && d.validFrom <= TEST_TODAY && d.validUntil >= TEST_TODAY,
      );
      expect(decision, edrpou).toBeDefined();
      expect(count, edrpou).toBeLessThanOrEqual(decision!.limitCount);
    }
    const total = [...active.values()].reduce((a, b) => a + b, 0);
    const demoTotal = demo.bundles.reduce((sum, b) => sum + b.marks.filter((m) => m.status === "ACTIVE").length, 0);
    expect(total).toBeGreaterThan(2 * demoTotal);
    expect(share(total, world.persons)).toBeGreaterThan(0.08);
  });

  it("gives every person a unique РНОКПП", () => {
    expect(new Set(world.bundles.map((b) => b.person.rnokpp)).size).toBe(world.persons);
  });
});
