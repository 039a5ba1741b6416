import { describe, expect, it } from "vitest";
import { parsePostalReport } from "./postal-report";

const HEADER = "Трек-номер;Номер повістки;Статус;Дата";

describe("parsePostalReport", () => {
  it("reads rows with either date format, any column order, a BOM and commas", () => {
    const text = `\uFEFFДата,Статус,Трек-номер,Номер повістки\n05.12.2026,прийнято,rb000000001ua,П-2026/000001\n2026-12-06,вручено,RB000000001UB,`;
    expect(parsePostalReport(text)).toEqual({
      rows: [
        { line: 2, tracking: "RB000000001UA", notice: "П-2026/000001", status: "SENT", date: "2026-12-05" },
        { line: 3, tracking: "RB000000001UB", notice: null, status: "DELIVERED", date: "2026-12-06" },
      ],
      problems: [],
    });
  });

  it("reports every bad row with its line and keeps the good ones", () => {
    const text = [
      HEADER,
      "RB000000001UA;;вручено;05.12.2026",
      "RB000000001UA;;повернуто;05.12.2026",
      "RB1;;вручено;05.12.2026",
      "RB000000002UA;;загублено;5.12.2026",
      "RB000000003UA;;прийнято;05.12.2026",
      "RB000000004UA;;відмова;30.02.2026",
    ].join("\n");
    const { rows, problems } = parsePostalReport(text);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      { line: 3, message: "Трек-номер RB000000001UA уже є в рядку 2: одне відправлення — один рядок" },
      { line: 4, message: "Трек-номер — від 8 до 20 латинських літер і цифр" },
      { line: 5, message: "Статус — прийнято, вручено, відмова або повернуто" },
      { line: 5, message: "Дата «5.12.2026» не у форматі дд.мм.рррр" },
      { line: 6, message: "Для статусу «прийнято» вкажіть номер повістки" },
      { line: 7, message: "Дата «30.02.2026» не у форматі дд.мм.рррр" },
    ]);
  });

  it("refuses a file without the columns, without rows, or empty", () => {
    expect(parsePostalReport("ПІБ;Адреса\nІванов;Дніпро").problems[0]?.message).toBe(
      "У файлі бракує стовпців: «трек-номер», «номер повістки», «статус», «дата»",
    );
    expect(parsePostalReport(HEADER).problems[0]?.message).toBe("У файлі немає жодного рядка відправлення");
    expect(parsePostalReport("").problems[0]?.message).toMatch(/Файл порожній/);
  });
});
