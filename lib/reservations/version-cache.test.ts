import { beforeEach, describe, expect, it } from "vitest";
import { cachedByVersion, clearVersionCache } from "./version-cache";

describe("cachedByVersion", () => {
  beforeEach(() => clearVersionCache());

  it("reuses a value for the same key and version, recomputes on a new version", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedByVersion("a", "v1", compute, 0)).toBe(1);
    expect(await cachedByVersion("a", "v1", compute, 1_000)).toBe(1);
    expect(await cachedByVersion("a", "v2", compute, 2_000)).toBe(2);
    expect(await cachedByVersion("a", "v2", compute, 2_000 + 60_000)).toBe(3);
  });

  it("shares one computation between concurrent misses and forgets failures", async () => {
    let computed = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 10));
    const [x, y] = await Promise.all([cachedByVersion("b", "v", slow, 0), cachedByVersion("b", "v", slow, 0)]);
    expect([x, y, computed]).toEqual([1, 1, 1]);
    await expect(cachedByVersion("c", "v", async () => Promise.reject(new Error("boom")), 0)).rejects.toThrow("boom");
    expect(await cachedByVersion("c", "v", async () => 7, 0)).toBe(7);
  });

  it("keeps at most four keys, dropping the least recently used", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    for (const key of ["k1", "k2", "k3", "k4"]) await cachedByVersion(key, "v", compute, 0);
    await cachedByVersion("k1", "v", compute, 0); // k1 used again: k2 is now the oldest
    await cachedByVersion("k5", "v", compute, 0);
    const before = computed;
    await cachedByVersion("k1", "v", compute, 0);
    expect(computed).toBe(before);
    await cachedByVersion("k2", "v", compute, 0);
    expect(computed).toBe(before + 1);
  });
});
