import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  assertIsoDate,
  daysBetween,
  fullYearsOn,
  isIsoDate,
  isoDateToUtc,
  maxDate,
  minDate,
  toIsoDate,
} from "./calendar";

describe("calendar dates", () => {
  it.each(["2026-07-01", "2024-02-29", "1900-01-01", "2026-12-31"])("accepts %s", (d) =>
    expect(isIsoDate(d)).toBe(true),
  );

  it.each([
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-7-1",
    "01.07.2026",
    "2026-07-01T00:00:00Z",
    "",
    20260701,
    null,
  ])("refuses %j", (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => assertIsoDate(d, "date")).toThrow(expect.objectContaining({ code: "RULES_INVALID_FACTS" }));
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-07-01", -1)).toBe("2026-06-30");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // across the DST switch in Kyiv, no drift
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-07-01", "2026-06-30")).toBe(-1);
  });

  it("adds months clamping to the month's last day", () => {
    expect(addMonths("2026-07-01", 12)).toBe("2027-07-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });

  it("counts full years, reaching an age on the birthday itself", () => {
    expect(fullYearsOn("1966-07-01", "2026-06-30")).toBe(59);
    expect(fullYearsOn("1966-07-01", "2026-07-01")).toBe(60);
    expect(fullYearsOn("1964-02-29", "2024-02-28")).toBe(59);
    expect(fullYearsOn("1964-02-29", "2024-02-29")).toBe(60);
    // In a common year a 29 February birthday is reached on 28 February.
    expect(fullYearsOn("1966-02-28", "2026-02-27")).toBe(59);
    expect(fullYearsOn("1964-02-29", "2023-02-28")).toBe(59);
    expect(fullYearsOn("1963-02-28", "2023-02-28")).toBe(60);
  });

  it("adds working days skipping weekends only", () => {
    // 2026-09-01 is a Tuesday.
    expect(addWorkingDays("2026-09-01", 5)).toBe("2026-09-08");
    // Friday + 1 working day = Monday.
    expect(addWorkingDays("2026-09-04", 1)).toBe("2026-09-07");
    // From a Saturday.
    expect(addWorkingDays("2026-09-05", 1)).toBe("2026-09-07");
    expect(addWorkingDays("2026-09-05", 0)).toBe("2026-09-05");
    expect(() => addWorkingDays("2026-09-05", -1)).toThrow(RangeError);
  });

  it("converts to and from @db.Date values and picks extremes", () => {
    expect(toIsoDate(new Date(Date.UTC(2026, 8, 1)))).toBe("2026-09-01");
    expect(isoDateToUtc("2026-09-01").toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(minDate("2026-09-01", "2026-08-31", "2027-01-01")).toBe("2026-08-31");
    expect(maxDate("2026-09-01", "2026-08-31", "2027-01-01")).toBe("2027-01-01");
  });
});
