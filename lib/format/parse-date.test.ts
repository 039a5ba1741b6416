import { describe, expect, it } from "vitest";
import { isoToUk, parseUkDate } from "./parse-date";

describe("parseUkDate", () => {
  it("reads дд.мм.рррр and its loose forms into a calendar date", () => {
    expect(parseUkDate("01.09.2026")).toEqual({ ok: true, iso: "2026-09-01" });
    expect(parseUkDate(" 1.9.2026 ")).toEqual({ ok: true, iso: "2026-09-01" });
    expect(parseUkDate("31/12/2026")).toEqual({ ok: true, iso: "2026-12-31" });
    expect(parseUkDate("29.02.2028")).toEqual({ ok: true, iso: "2028-02-29" });
  });

  it("refuses the other orders and anything that is not a date, in Ukrainian", () => {
    for (const text of ["", "2026-09-01", "09.2026", "1.9.26", "01.09.20266", "дата", "01..09.2026"]) {
      const parsed = parseUkDate(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain("дд.мм.рррр");
    }
  });

  it("refuses days and months that do not exist, on both sides of each edge", () => {
    expect(parseUkDate("29.02.2026")).toEqual({ ok: false, message: "Такої дати немає: у цьому місяці 28 днів." });
    expect(parseUkDate("28.02.2026").ok).toBe(true);
    expect(parseUkDate("31.04.2026")).toEqual({ ok: false, message: "Такої дати немає: у цьому місяці 30 днів." });
    expect(parseUkDate("30.04.2026").ok).toBe(true);
    expect(parseUkDate("00.01.2026").ok).toBe(false);
    expect(parseUkDate("01.13.2026")).toEqual({
      ok: false,
      message: "Місяця 13 не буває: введіть число від 01 до 12.",
    });
    expect(parseUkDate("01.12.2026").ok).toBe(true);
    expect(parseUkDate("01.00.2026").ok).toBe(false);
    expect(parseUkDate("01.01.1899").ok).toBe(false);
    expect(parseUkDate("01.01.1900").ok).toBe(true);
  });

  it("keeps to the bounds given, inclusive", () => {
    const bounds = { min: "2026-01-10", max: "2026-01-20" };
    expect(parseUkDate("10.01.2026", bounds)).toEqual({ ok: true, iso: "2026-01-10" });
    expect(parseUkDate("20.01.2026", bounds)).toEqual({ ok: true, iso: "2026-01-20" });
    expect(parseUkDate("09.01.2026", bounds)).toEqual({ ok: false, message: "Дата не може бути раніше 10.01.2026." });
    expect(parseUkDate("21.01.2026", bounds)).toEqual({ ok: false, message: "Дата не може бути пізніше 20.01.2026." });
  });

  it("shows a calendar date back as дд.мм.рррр", () => {
    expect(isoToUk("2026-09-01")).toBe("01.09.2026");
    expect(isoToUk("")).toBe("");
    expect(isoToUk("01.09.2026")).toBe("");
  });
});
