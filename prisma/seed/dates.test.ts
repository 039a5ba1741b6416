import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  daysBetween,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
  todayInKyiv,
} from "./dates";

describe("date arithmetic on ISO strings", () => {
  it("agrees with Date for every day from 1900 to 2100", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const days = Math.round(t / 86_400_000);
      if (fromDayNumber(days) !== iso || toDayNumber(iso) !== days) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it("adds days, months and years, clamping month ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", -11)).toBe("2025-12-15");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("1966-02-28", 60)).toBe("2026-02-28");
    expect(daysBetween("2026-05-30", "2026-09-01")).toBe(94);
  });

  it("counts full years of age, a 29 February birthday on 28 February", () => {
    expect(ageOn("1966-11-22", "2026-11-22")).toBe(60);
    expect(ageOn("1966-11-23", "2026-11-22")).toBe(59);
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
  });

  it("refuses what is not a calendar date", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-1", "yesterday", ""])
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    expect(toIsoDate(parseIsoDate("2024-02-29"))).toBe("2024-02-29");
  });

  it("reads today in Kyiv, not in UTC", () => {
    expect(todayInKyiv(new Date("2026-11-21T22:30:00Z"))).toBe("2026-11-22");
    expect(todayInKyiv(new Date("2026-07-01T20:59:00Z"))).toBe("2026-07-01");
    expect(todayInKyiv(new Date("2026-07-01T21:00:00Z"))).toBe("2026-07-02");
  });
});
