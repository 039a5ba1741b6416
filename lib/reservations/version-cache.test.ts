import { beforeEach, describe, expect, it, vi } from "vitest";
import { cachedByVersion, clearVersionCache } from "./version-cache";

describe("cachedByVersion", () => {
  beforeEach(() => clearVersionCache());

  it("reuses a value for the same key and version, recomputes on a new version", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedByVersion("a", "v1", compute, 0)).toBe(1);
    expect(await cachedByVersion("a", "v1", compute, 1_000)).toBe(1);
    expect(await cachedByVersion("a", "v2", compute, 2_000)).toBe(2);
  });

  it("tells a miss from the recomputation of a value past its lifetime", async () => {
    const calls: boolean[] = [];
    const compute = async ({ refresh }: { refresh: boolean }) => {
      calls.push(refresh);
      return calls.length;
    };
    await cachedByVersion("t", "v1", compute, 0);
    await cachedByVersion("t", "v1", compute, 61_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A patch that gives up falls back to a miss's computation, which may take a stored value.
    await cachedByVersion("t", "v2", compute, 62_000, async () => null);
    expect(calls).toEqual([false, true, false]);
  });

  it("serves a value past its lifetime while one recomputation runs behind it, then the new value", async () => {
    let computed = 0;
    let release = () => {};
    const compute = () => {
      computed += 1;
      const value = computed;
      return value === 1 ? Promise.resolve(value) : new Promise<number>((resolve) => (release = () => resolve(value)));
    };
    expect(await cachedByVersion("a", "v", compute, 0)).toBe(1);
    // Past the lifetime: the old value at once, and one recomputation started, not one per request.
    expect(await cachedByVersion("a", "v", compute, 61_000)).toBe(1);
    expect(await cachedByVersion("a", "v", compute, 61_500)).toBe(1);
    expect(computed).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedByVersion("a", "v", compute, 62_000)).toBe(2);
    expect(computed).toBe(2);
    // A new version is never answered from the old one.
    expect(await cachedByVersion("a", "v-next", async () => 99, 62_000)).toBe(99);
  });

  it("keeps serving the old value when the recomputation behind it fails, and tries again", async () => {
    let calls = 0;
    expect(await cachedByVersion("r", "v", async () => "first", 0)).toBe("first");
    const failing = async () => {
      calls += 1;
      throw new Error("boom");
    };
    expect(await cachedByVersion("r", "v", failing, 61_000)).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedByVersion("r", "v", failing, 62_000)).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    expect(await cachedByVersion("r", "v", async () => "second", 63_000)).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedByVersion("r", "v", async () => "third", 63_500)).toBe("second");
  });

  it("shares one computation between concurrent misses and forgets failures", async () => {
    let computed = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 10));
    const [x, y] = await Promise.all([cachedByVersion("b", "v", slow, 0), cachedByVersion("b", "v", slow, 0)]);
    expect([x, y, computed]).toEqual([1, 1, 1]);
    await expect(cachedByVersion("c", "v", async () => Promise.reject(new Error("boom")), 0)).rejects.toThrow("boom");
    expect(await cachedByVersion("c", "v", async () => 7, 0)).toBe(7);
  });

  it("serves a lagging replica's older version and the primary's newer one each its own model, neither evicting the other", async () => {
    let computed = 0;
    const compute = (label: string) => async () => `${label}#${++computed}`;
    expect(await cachedByVersion("e", "v2", compute("primary"), 0)).toBe("primary#1");
    // A reader whose replica has not replayed v2 yet: its own model, not the newer one.
    expect(await cachedByVersion("e", "v1", compute("replica"), 10)).toBe("replica#2");
    // Neither replaced the other: both are hits, nothing recomputed, and never crossed.
    expect(await cachedByVersion("e", "v2", compute("primary"), 20)).toBe("primary#1");
    expect(await cachedByVersion("e", "v1", compute("replica"), 30)).toBe("replica#2");
    expect(computed).toBe(2);
    // A third version drops the key's least recently used one (v2 was used before v1).
    expect(await cachedByVersion("e", "v3", compute("primary"), 40)).toBe("primary#3");
    expect(await cachedByVersion("e", "v1", compute("replica"), 50)).toBe("replica#2");
    expect(await cachedByVersion("e", "v2", compute("primary"), 60)).toBe("primary#4");
  });

  it("keeps a failed computation of one version from dropping another version's model", async () => {
    let computed = 0;
    expect(await cachedByVersion("f", "v1", async () => ++computed, 0)).toBe(1);
    await expect(cachedByVersion("f", "v2", async () => Promise.reject(new Error("boom")), 0)).rejects.toThrow("boom");
    expect(await cachedByVersion("f", "v1", async () => ++computed, 0)).toBe(1);
    expect(await cachedByVersion("f", "v2", async () => ++computed, 0)).toBe(2);
  });

  it("keeps at most 4,096 keys, dropping the least recently used", async () => {
    clearVersionCache({ maxRows: 20_000_000 });
    let computed = 0;
    const compute = async () => ++computed;
    const keys = Array.from({ length: 4_096 }, (_, i) => `k${i}`);
    for (const key of keys) await cachedByVersion(key, "v", compute, 0);
    await cachedByVersion("k0", "v", compute, 0); // k0 used again: k1 is now the oldest
    await cachedByVersion("k4096", "v", compute, 0);
    const before = computed;
    await cachedByVersion("k0", "v", compute, 0);
    await cachedByVersion("k2", "v", compute, 0);
    expect(computed).toBe(before);
    await cachedByVersion("k1", "v", compute, 0);
    expect(computed).toBe(before + 1);
  });

  it("hits for hundreds of enterprises' directors taking turns (the peak's 100 and more)", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    for (let round = 0; round < 3; round++)
      for (let director = 0; director < 500; director++) await cachedByVersion(`e${director}`, "v", compute, 0);
    expect(computed).toBe(500);
  });

  it("is one cache for every copy of the module in the process (Next bundles pages and routes apart)", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cachedByVersion("shared", "v", compute, 0);
    vi.resetModules();
    const copy = await import("./version-cache");
    expect(copy.cachedByVersion).not.toBe(cachedByVersion);
    expect(copy.isCached("shared")).toBe(true);
    expect(await copy.cachedByVersion("shared", "v", compute, 0)).toBe(1);
    await copy.cachedByVersion("other", "v", compute, 0);
    expect(await cachedByVersion("other", "v", compute, 0)).toBe(2);
    expect(computed).toBe(2);
    copy.clearVersionCache();
    expect(await cachedByVersion("shared", "v", compute, 0)).toBe(3);
  });

  it("bounds the rows it holds: a big read-model evicts the oldest ones, small ones stay together", async () => {
    clearVersionCache({ maxRows: 200_000 });
    let computed = 0;
    const model = (rows: number) => async () => ({ rows: new Array(rows).fill(++computed) });
    for (let i = 0; i < 16; i++) await cachedByVersion(`small${i}`, "v", model(100), 0);
    await cachedByVersion("big1", "v", model(150_000), 0);
    await Promise.resolve();
    const before = computed;
    for (let i = 0; i < 16; i++) await cachedByVersion(`small${i}`, "v", model(100), 0);
    expect(computed).toBe(before); // 16 small lists and one of 150,000 rows fit together
    await cachedByVersion("big2", "v", model(150_000), 0);
    await Promise.resolve();
    await cachedByVersion("big1", "v", model(150_000), 0);
    expect(computed).toBe(before + 2); // 300,000 rows plus the small ones do not: the oldest went
  });

  it("holds READ_MODEL_CACHE_ROWS rows by default: the 16 largest models of the national seed stay together", async () => {
    clearVersionCache();
    let computed = 0;
    const sizes = [
      50_000, 48_000, 45_000, 40_000, 35_000, 30_000, 25_000, 20_000, 15_000, 10_000, 9_000, 8_000, 7_000, 6_000, 5_000,
      4_000,
    ];
    for (const [i, rows] of sizes.entries())
      await cachedByVersion(`n${i}`, "v", async () => ({ rows: new Array(rows).fill(++computed) }), 0);
    await Promise.resolve();
    for (const [i] of sizes.entries()) await cachedByVersion(`n${i}`, "v", async () => ({ rows: [++computed] }), 0);
    expect(computed).toBe(sizes.length);
  });

  it("builds a new version by patching the key's newest value, or computes it whole when the patch cannot", async () => {
    const bases: string[] = [];
    const patch = async (older: { version: string; value: string }) => {
      bases.push(older.version);
      return older.value === "give up" ? null : `${older.value}+`;
    };
    expect(await cachedByVersion("p", "v1", async () => "whole", 0, patch)).toBe("whole");
    expect(await cachedByVersion("p", "v2", async () => "unused", 1_000, patch)).toBe("whole+");
    expect(await cachedByVersion("p", "v3", async () => "unused", 2_000, patch)).toBe("whole++");
    expect(bases).toEqual(["v1", "v2"]);
    // Another key is never a base.
    expect(await cachedByVersion("q", "v3", async () => "give up", 2_000, patch)).toBe("give up");
    expect(await cachedByVersion("q", "v4", async () => "whole again", 2_000, patch)).toBe("whole again");
  });

  it("computes whole when the base failed, and keeps a patched value's age for the lifetime", async () => {
    const patch = async (older: { version: string; value: number }) => older.value + 1;
    await expect(cachedByVersion("f", "v1", () => Promise.reject(new Error("boom")), 0, patch)).rejects.toThrow();
    let wholes = 0;
    const compute = async () => 100 * ++wholes;
    expect(await cachedByVersion("f", "v1", compute, 0, patch)).toBe(100);
    // Patched at 50 s from a value computed at 0: past the lifetime at 61 s, so a whole one follows.
    expect(await cachedByVersion("f", "v2", compute, 50_000, patch)).toBe(101);
    expect(await cachedByVersion("f", "v2", compute, 61_000, patch)).toBe(101);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cachedByVersion("f", "v2", compute, 61_500, patch)).toBe(200);
    expect(wholes).toBe(2);
  });

  it("falls back to the whole computation when the patch fails", async () => {
    expect(await cachedByVersion("e", "v1", async () => 1, 0)).toBe(1);
    const failing = async () => Promise.reject<number>(new Error("registry down"));
    expect(await cachedByVersion("e", "v2", async () => 2, 1_000, failing)).toBe(2);
  });

  it("computes a key whole once a lifetime even when every request is a new version and a patch", async () => {
    let wholes = 0;
    const compute = async () => 1_000 * ++wholes;
    const patch = async (older: { version: string; value: number }) => older.value + 1;
    expect(await cachedByVersion("m", "v0", compute, 0, patch)).toBe(1_000);
    expect(await cachedByVersion("m", "v1", compute, 30_000, patch)).toBe(1_001);
    // Past the lifetime of the whole computation at 0: the patch is served, a whole one runs behind it.
    expect(await cachedByVersion("m", "v2", compute, 61_000, patch)).toBe(1_002);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wholes).toBe(2);
    expect(await cachedByVersion("m", "v2", compute, 62_000, patch)).toBe(2_000);
    // The next version is patched from the new whole value, whose lifetime starts again.
    expect(await cachedByVersion("m", "v3", compute, 63_000, patch)).toBe(2_001);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wholes).toBe(2);
  });

  it("runs one whole computation at a time per key while every request is a new version, then patches from it", async () => {
    let wholes = 0;
    let release = () => {};
    const compute = () => {
      wholes += 1;
      const value = 1_000 * wholes;
      return wholes === 1 ? Promise.resolve(value) : new Promise<number>((resolve) => (release = () => resolve(value)));
    };
    const patch = async (older: { version: string; value: number }) => older.value + 1;
    expect(await cachedByVersion("k", "v0", compute, 0, patch)).toBe(1_000);
    expect(await cachedByVersion("k", "v1", compute, 61_000, patch)).toBe(1_001);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // While that whole computation runs, further versions are patched without starting another.
    expect(await cachedByVersion("k", "v2", compute, 61_100, patch)).toBe(1_002);
    expect(await cachedByVersion("k", "v3", compute, 61_200, patch)).toBe(1_003);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wholes).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The next version is patched from the new whole value, and is young: nothing more to compute.
    expect(await cachedByVersion("k", "v4", compute, 62_000, patch)).toBe(2_001);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wholes).toBe(2);
  });
});
