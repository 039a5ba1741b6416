import { describe, expect, it } from "vitest";
import { kyivDate } from "./date";

describe("kyivDate", () => {
  it("takes the calendar day in Kyiv, not in UTC", () => {
    expect(kyivDate(new Date("2026-06-30T21:30:00Z"))).toBe("2026-07-01"); // 00:30 EEST
    expect(kyivDate(new Date("2026-06-30T20:59:59Z"))).toBe("2026-06-30");
    expect(kyivDate(new Date("2026-12-31T22:00:00Z"))).toBe("2027-01-01"); // winter time, UTC+2
    expect(kyivDate(new Date("2026-12-31T21:59:59Z"))).toBe("2026-12-31");
  });

  it("refuses an invalid instant", () => {
    expect(() => kyivDate(new Date("nonsense"))).toThrow(RangeError);
  });
});
