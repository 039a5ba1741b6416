import { describe, expect, it } from "vitest";
import { memoryFlags } from "./embedded-cluster";

const GiB = 1024 ** 3;

describe("memoryFlags", () => {
  it("gives Postgres an eighth of the machine's memory and tells the planner the kernel caches half", () => {
    expect(memoryFlags(24 * GiB)).toEqual(["-c", "shared_buffers=3072MB", "-c", "effective_cache_size=12288MB"]);
  });

  it("never goes below initdb's 128 MB nor above 4 GB of shared buffers", () => {
    expect(memoryFlags(0.5 * GiB)).toEqual(["-c", "shared_buffers=128MB", "-c", "effective_cache_size=256MB"]);
    expect(memoryFlags(256 * GiB)).toEqual(["-c", "shared_buffers=4096MB", "-c", "effective_cache_size=131072MB"]);
  });
});
