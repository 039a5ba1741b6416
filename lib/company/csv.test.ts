import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv";

describe("results CSV", () => {
  it("starts with a byte order mark and separates with semicolons and CRLF", () => {
    const text = toCsv(["ПІБ", "Рішення"], [["Коваль Іван", "Заброньовано"]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe("ПІБ;Рішення\r\nКоваль Іван;Заброньовано\r\n");
  });

  it("defuses cells that a spreadsheet would run as a formula", () => {
    for (const cell of ["=1+1", "+380501234567", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    for (const cell of ["Коваль", "1 000,00", "12.03.2026", ""]) expect(neutraliseCell(cell)).toBe(cell);
    expect(toCsv(["a"], [['=HYPERLINK("http://x";"y")']]).split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
  });

  it("quotes separators, quotes and line breaks, and writes empty cells for null", () => {
    expect(toCsv(["a", "b", "c"], [["x;y", 'с "лапками"', null]]).split("\r\n")[1]).toBe('"x;y";"с ""лапками""";');
    expect(toCsv(["a"], [["два\nрядки"]]).split("\r\n")[1]).toBe('"два\nрядки"');
  });
});
