import { describe, expect, it } from "vitest";
import { IMPORT_MAX_ROWS, importTemplateCsv, parseImportCsv } from "./import-csv";

const HEADER =
  "ЄДРПОУ;Номер рішення;Дата рішення;Критерії;Підстава звільнення;Категорія ліміту;Військовозобов'язаних;Загальна чисельність;Діє з;Діє до";

describe("parseImportCsv", () => {
  it("reads the template back, its legend skipped", () => {
    const { rows, fileProblems } = parseImportCsv(importTemplateCsv());
    expect(fileProblems).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it("accepts commas as the separator, ISO dates, lower-case codes and spaced counts", () => {
    const text = `${HEADER.replaceAll(";", ",")}\n32855961,1/2026,2026-11-20,"average_salary, no_tax_arrears; strategic",,defence_100,1 200,2 000,20.11.2026,19.11.2027\n`;
    const { rows } = parseImportCsv(text);
    expect(rows[0]).toMatchObject({
      line: 2,
      problems: {},
      values: {
        decidedOn: "2026-11-20",
        criteria: ["AVERAGE_SALARY", "NO_TAX_ARREARS", "STRATEGIC"],
        limitCategory: "DEFENCE_100",
        militaryLiableCount: 1200,
        headcount: 2000,
        validFrom: "2026-11-20",
        validUntil: "2027-11-19",
      },
    });
  });

  it("reports cell problems per field and file problems for the whole file", () => {
    const { rows } = parseImportCsv(`${HEADER}\n32855961;1;20/11/2026;;;;abc;;;\n`);
    expect(rows[0]!.problems).toMatchObject({
      decidedOn: expect.stringContaining("дд.мм.рррр"),
      militaryLiableCount: expect.stringContaining("не ціле"),
      validFrom: "Вкажіть дату",
    });
    expect(parseImportCsv("").fileProblems[0]).toContain("порожній");
    expect(parseImportCsv(`${HEADER}\n`).fileProblems[0]).toContain("жодного рядка");
    expect(parseImportCsv("ЄДРПОУ;Номер\n1;2").fileProblems[0]).toContain("«Дата рішення»");
    const tooMany = `${HEADER}\n${"32855961;1;20.11.2026;;;;1;;20.11.2026;19.11.2027\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(parseImportCsv(tooMany).fileProblems[0]).toContain(String(IMPORT_MAX_ROWS));
  });
});
