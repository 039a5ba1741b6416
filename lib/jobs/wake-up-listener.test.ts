import { describe, expect, it } from "vitest";
import { RETRY_MAX_MS, wakeUpRetryDelay } from "./wake-up-listener";

describe("wakeUpRetryDelay", () => {
  it("doubles from 250 ms", () => {
    expect([0, 1, 2, 3, 4].map(wakeUpRetryDelay)).toEqual([250, 500, 1_000, 2_000, 4_000]);
  });

  it("never waits more than 5 s, however many attempts failed", () => {
    expect(wakeUpRetryDelay(5)).toBe(RETRY_MAX_MS);
    expect(wakeUpRetryDelay(1_000)).toBe(RETRY_MAX_MS);
    expect(wakeUpRetryDelay(Number.MAX_SAFE_INTEGER)).toBe(RETRY_MAX_MS);
  });

  it("treats a negative attempt as the first", () => {
    expect(wakeUpRetryDelay(-3)).toBe(250);
  });
});
