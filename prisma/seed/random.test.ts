import { describe, expect, it } from "vitest";
import { Rng } from "./random";

describe("Rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
  });

  it("stays in range and reaches both ends of int()", () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const value = rng.int(3, 9);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(9);
      seen.add(value);
      const unit = rng.next();
      expect(unit).toBeGreaterThanOrEqual(0);
      expect(unit).toBeLessThan(1);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it("derives independent but reproducible sub-streams", () => {
    expect(Rng.derive(1, 2, 3).next()).toBe(Rng.derive(1, 2, 3).next());
    expect(Rng.derive(1, 2, 3).next()).not.toBe(Rng.derive(1, 2, 4).next());
    expect(Rng.derive(1, 2, 3).next()).not.toBe(Rng.derive(1, 3, 2).next());
  });

  it("weighted() follows the weights and never picks a zero weight", () => {
    const rng = new Rng(11);
    const counts = { a: 0, b: 0, z: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        rng.weighted([
          ["a", 3],
          ["z", 0],
          ["b", 1],
        ] as const)
      ]++;
    expect(counts.z).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });

  it("makes version-4 UUIDs", () => {
    const rng = new Rng(5);
    const ids = new Set(Array.from({ length: 1000 }, () => rng.uuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps hundreds of thousands of per-person streams apart: no id repeats", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 150_000; i++) {
      const rng = Rng.derive(20_260_530, 2, i);
      rng.next();
      ids.add(rng.uuid());
      ids.add(rng.uuid());
    }
    expect(ids.size).toBe(300_000);
  }, 30_000);

  it("refuses to pick from nothing", () => {
    expect(() => new Rng(1).pick([])).toThrow(RangeError);
  });
});
