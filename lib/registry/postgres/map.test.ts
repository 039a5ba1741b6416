import { describe, expect, it } from "vitest";
import { fullNameOf, isoDate, toKopiykas } from "./map";

describe("registry mapping", () => {
  it.each([
    ["25941", 2_594_100],
    ["21617.5", 2_161_750],
    ["21617.50", 2_161_750],
    ["0.01", 1],
    ["19999.99", 1_999_999],
    ["-5.5", -550],
  ])("decimal %s is %i kopiykas", (value, kop) => {
    expect(toKopiykas({ toString: () => value })).toBe(kop);
  });

  it("calendar dates leave as YYYY-MM-DD", () => {
    expect(isoDate(new Date("2026-05-30T00:00:00Z"))).toBe("2026-05-30");
    expect(isoDate(null)).toBeNull();
  });

  it("full name omits a missing patronymic", () => {
    expect(fullNameOf({ lastName: "Шевченко", firstName: "Олена", patronymic: null })).toBe("Шевченко Олена");
    expect(fullNameOf({ lastName: "Шевченко", firstName: "Тарас", patronymic: "Григорович" })).toBe(
      "Шевченко Тарас Григорович",
    );
  });
});
