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

// The day arithmetic is integer-only (no Date objects); these are the Date-based definitions it
// replaced, and the two must agree on every day they are asked about.
describe("day arithmetic against Date", () => {
  const DAY_MS = 86_400_000;
  const utc = (year: number, monthIndex: number, day: number) => {
    const date = new Date(0);
    date.setUTCFullYear(year, monthIndex, day);
    return date.getTime();
  };
  const referenceDayNumber = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return Math.round(utc(y, m - 1, d) / DAY_MS);
  };
  const referenceDate = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  const referenceIsIsoDate = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(utc(y, m, 0)).getUTCDate();
  };

  it("gives every day of 1600–2400 the number and the date Date gives it", () => {
    const first = referenceDayNumber("1600-01-01");
    const last = referenceDayNumber("2400-12-31");
    for (let n = first; n <= last; n++) {
      const iso = referenceDate(n);
      if (addDays("1970-01-01", n) !== iso) expect(addDays("1970-01-01", n)).toBe(iso);
      if (daysBetween("1970-01-01", iso) !== n) expect(daysBetween("1970-01-01", iso)).toBe(n);
    }
  });

  it("agrees with Date far outside that range, on years 0–99 and past 9999", () => {
    for (const n of [-719_528, -719_162, -700_000, -500_000, 1_000_000, 2_932_896, 2_932_897, 3_000_000]) {
      expect(addDays("1970-01-01", n), String(n)).toBe(referenceDate(n));
    }
    for (const iso of ["0000-01-01", "0000-02-29", "0004-02-29", "0099-12-31", "0100-03-01", "9999-12-31"]) {
      expect(daysBetween("1970-01-01", iso), iso).toBe(referenceDayNumber(iso));
    }
  });

  it("rolls days and months out of range over as Date.UTC does", () => {
    for (const iso of ["2026-02-31", "2026-02-00", "2026-13-01", "2026-00-15", "2024-02-30", "2026-12-32"]) {
      expect(daysBetween("1970-01-01", iso), iso).toBe(referenceDayNumber(iso));
    }
  });

  it("knows the length of every month of 1600–2400, leap years included", () => {
    for (let year = 1600; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [28, 29, 30, 31]) {
          const iso = `${year}-${String(month).padStart(2, "0")}-${day}`;
          if (isIsoDate(iso) !== referenceIsIsoDate(iso)) expect(isIsoDate(iso), iso).toBe(referenceIsIsoDate(iso));
        }
      }
    }
  });
});
