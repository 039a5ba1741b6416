import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./calendar";
import { EXPIRING_WITHIN_DAYS, expiresSoon } from "./expiry";
import { evodValidUntil } from "./evod-validity";
import { lastDayOfTerm } from "./decision-terms";

describe("expiresSoon: one window for reservations and decisions", () => {
  it("is 30 days, the last of them included", () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(30);
    expect(expiresSoon(0)).toBe(true);
    expect(expiresSoon(30)).toBe(true);
    expect(expiresSoon(31)).toBe(false);
    expect(expiresSoon(335)).toBe(false);
  });

  it("agrees with a calendar count of days left", () => {
    const today = "2026-12-04";
    expect(expiresSoon(daysBetween(today, addDays(today, 30)))).toBe(true);
    expect(expiresSoon(daysBetween(today, addDays(today, 31)))).toBe(false);
  });
});

describe("evodValidUntil", () => {
  const today = "2026-12-04";
  it("is a year less a day with nothing shorter shown", () => {
    expect(evodValidUntil(today, { reservation: null, military: null })).toBe("2027-12-03");
    expect(evodValidUntil(today, { reservation: null, military: { defermentUntil: null } })).toBe("2027-12-03");
  });

  it("never outlives the reservation or a current deferment it shows", () => {
    expect(evodValidUntil(today, { reservation: { untilDate: "2027-03-31" }, military: null })).toBe("2027-03-31");
    expect(
      evodValidUntil(today, { reservation: { untilDate: "2027-03-31" }, military: { defermentUntil: "2027-01-15" } }),
    ).toBe("2027-01-15");
    // A deferment that already ended does not shorten it.
    expect(evodValidUntil(today, { reservation: null, military: { defermentUntil: "2026-12-01" } })).toBe("2027-12-03");
  });
});

describe("lastDayOfTerm: a critical-status decision runs at most 12 months", () => {
  it("ends the day before the anniversary", () => {
    expect(lastDayOfTerm("2026-12-04")).toBe("2027-12-03");
    expect(lastDayOfTerm("2028-02-29")).toBe("2029-02-27");
  });
});
