import { describe, expect, it } from "vitest";
import { median, percentile, summary } from "./stats";

describe("bench statistics", () => {
  it("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("nearest-rank percentile", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(() => percentile([], 50)).toThrow(RangeError);
  });

  it("reports median, p95 and the spread", () => {
    expect(summary([100, 300, 200])).toBe("медіана 200 мс, p95 300 мс, розкид 100–300 мс (n = 3)");
  });
});
