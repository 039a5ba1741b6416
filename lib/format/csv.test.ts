import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const cellOf = (value: string) => toCsv(["a"], [[value]]).split("\r\n")[1];

describe("results CSV", () => {
  it("starts with a byte order mark and separates with semicolons and CRLF", () => {
    const text = toCsv(["ПІБ", "Рішення"], [["Коваль Іван", "Заброньовано"]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe("ПІБ;Рішення\r\nКоваль Іван;Заброньовано\r\n");
  });

  it("defuses cells that a spreadsheet would run as a formula", () => {
    for (const cell of ["=1+1", "+380501234567", "-5", "@SUM(A1)"])
      expect(cellOf(cell)).toMatch(new RegExp(`^"?'\\${cell[0]}`));
    for (const cell of ["\tx", "\rx"]) expect(cellOf(cell)).toMatch(/^"'/);
    for (const cell of ["Коваль", "1 000,00", "12.03.2026"]) expect(cellOf(cell)).toBe(cell);
    expect(toCsv(["a"], [['=HYPERLINK("http://x";"y")']]).split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
  });

  it("quotes separators, quotes and line breaks, and writes empty cells for null", () => {
    expect(toCsv(["a", "b", "c"], [["x;y", 'с "лапками"', null]]).split("\r\n")[1]).toBe('"x;y";"с ""лапками""";');
    expect(toCsv(["a"], [["два\nрядки"]]).split("\r\n")[1]).toBe('"два\nрядки"');
  });
});

describe("the one CSV writer", () => {
  it("is the only place that writes CSV: no other unparse or hand-made byte order mark in app/ or lib/", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "generated" ? [] : files(full);
        return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const writers = [...files("app"), ...files("lib")].filter((file) =>
      /unparse\(|\\uFEFF\$\{|neutralis/.test(readFileSync(file, "utf8")),
    );
    expect(writers.map((file) => path.relative(".", file))).toEqual([path.join("lib", "format", "csv.ts")]);
  });
});
