import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatMoney,
  formatNumber,
  kopiykasToDecimal,
  percentOfKopiykas,
  pluralUk,
  toKopiykas,
} from ".";

describe("formatMoney", () => {
  it.each([
    [2594100, "25 941,00 грн"],
    [2161750, "21 617,50 грн"],
    [2000000, "20 000,00 грн"],
    [1, "0,01 грн"],
    [0, "0,00 грн"],
    [99, "0,99 грн"],
    [100000000, "1 000 000,00 грн"],
    [-2594101, "-25 941,01 грн"],
  ])("%i kopiykas → %s", (kopiykas, text) => {
    expect(formatMoney(kopiykas)).toBe(text);
  });

  it("can leave out the currency and use no-break spaces", () => {
    expect(formatMoney(2594100, { currency: false })).toBe("25 941,00");
    expect(formatMoney(2594100, { nonBreaking: true })).toBe("25\u00a0941,00\u00a0грн");
  });

  it("refuses a fraction of a kopiyka or a non-number", () => {
    expect(() => formatMoney(0.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });
});

describe("toKopiykas", () => {
  it.each([
    [30000, 3000000],
    [21617.5, 2161750],
    [0.29, 29],
    [0.3, 30],
    ["25941.00", 2594100],
    ["25941,5", 2594150],
    [" 25941 ", 2594100],
    ["0.01", 1],
    ["-12.30", -1230],
    ["-0", 0],
  ])("%j → %i", (input, expected) => {
    expect(toKopiykas(input)).toBe(expected);
  });

  it.each([
    ["1.005"],
    [1.005],
    ["25 941"],
    [""],
    ["abc"],
    ["1e5"],
    [1e21],
    [Number.NaN],
    [Infinity],
    [0.1 + 0.2],
    ["12."],
  ])("refuses %j rather than rounding it", (input) => {
    expect(() => toKopiykas(input)).toThrow(RangeError);
  });

  it("round-trips through the decimal text a Decimal column stores", () => {
    for (const k of [0, 1, 10, 99, 100, 2161750, 2594100, 123456789]) {
      expect(toKopiykas(kopiykasToDecimal(k))).toBe(k);
    }
    expect(kopiykasToDecimal(2161750)).toBe("21617.50");
    expect(kopiykasToDecimal(-5)).toBe("-0.05");
  });

  it("takes percentages exactly or refuses", () => {
    expect(percentOfKopiykas(864700, 250)).toBe(2161750);
    expect(percentOfKopiykas(864700, 300)).toBe(2594100);
    expect(percentOfKopiykas(800000, 250)).toBe(2000000);
    expect(() => percentOfKopiykas(1, 250)).toThrow(RangeError);
    expect(() => percentOfKopiykas(100, 2.5)).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("formats calendar dates as дд.мм.рррр without shifting a day", () => {
    expect(formatDate("2026-09-01")).toBe("01.09.2026");
    expect(formatDate(new Date(Date.UTC(2026, 8, 1)))).toBe("01.09.2026");
    expect(formatDate(new Date(Date.UTC(1966, 0, 31)))).toBe("31.01.1966");
  });

  it("refuses what is not a date", () => {
    expect(() => formatDate("01.09.2026")).toThrow(RangeError);
    expect(() => formatDate("2026-09-01T00:00:00Z")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("shows instants in Kyiv time across midnight and daylight saving", () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Kyiv (UTC+2 in winter).
    expect(formatInstantDate(new Date("2025-12-31T22:30:00Z"))).toBe("01.01.2026");
    expect(formatDateTime(new Date("2025-12-31T22:30:00Z"))).toBe("01.01.2026 00:30");
    // Summer time is UTC+3.
    expect(formatDateTime(new Date("2026-07-01T09:05:00Z"))).toBe("01.07.2026 12:05");
    expect(formatDateTime(new Date("2026-07-01T09:05:00Z"), "UTC")).toBe("01.07.2026 09:05");
  });
});

describe("numbers", () => {
  it("groups thousands", () => {
    expect(formatNumber(10000)).toBe("10 000");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(-1234567)).toBe("-1 234 567");
    expect(() => formatNumber(1.5)).toThrow(RangeError);
  });

  it.each([
    [0, "працівників"],
    [1, "працівник"],
    [2, "працівники"],
    [4, "працівники"],
    [5, "працівників"],
    [11, "працівників"],
    [12, "працівників"],
    [14, "працівників"],
    [21, "працівник"],
    [22, "працівники"],
    [101, "працівник"],
    [111, "працівників"],
    [1000, "працівників"],
  ])("%i → %s", (n, form) => {
    expect(pluralUk(n, ["працівник", "працівники", "працівників"])).toBe(form);
  });

  it("formats a count with its noun", () => {
    expect(formatCount(10000, ["працівник", "працівники", "працівників"])).toBe("10 000 працівників");
  });
});
