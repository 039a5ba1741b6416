// The bulk import's file format, pure and browser-safe: the template an official downloads
// and the parser that turns each line of their file into the decision form's fields. Cells are
// text as Excel saves them (semicolons in a Ukrainian locale; commas are accepted too), dates
// дд.мм.рррр or РРРР-ММ-ДД, criteria and categories by their codes.
import Papa from "papaparse";
import { toCsv } from "@/lib/format/csv";
import { CRITERIA, LIMIT_CATEGORIES, SALARY_EXEMPTIONS } from "@/lib/rules";
import type { NewDecisionField } from "./new-decision-fields";

export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ROWS = 1000;

export const IMPORT_COLUMNS: ReadonlyArray<{ field: NewDecisionField; header: string; example: string }> = [
  { field: "edrpou", header: "ЄДРПОУ", example: "32855961" },
  { field: "number", header: "Номер рішення", example: "125/2026" },
  { field: "decidedOn", header: "Дата рішення", example: "20.11.2026" },
  { field: "criteria", header: "Критерії", example: "AVERAGE_SALARY, NO_TAX_ARREARS, STRATEGIC" },
  { field: "salaryExemption", header: "Підстава звільнення", example: "" },
  { field: "limitCategory", header: "Категорія ліміту", example: "DEFAULT_50" },
  { field: "militaryLiableCount", header: "Військовозобов'язаних", example: "120" },
  { field: "headcount", header: "Загальна чисельність", example: "" },
  { field: "validFrom", header: "Діє з", example: "20.11.2026" },
  { field: "validUntil", header: "Діє до", example: "19.11.2027" },
];

export const IMPORT_HEADER_OF: Record<NewDecisionField, string> = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.field, c.header]),
) as Record<NewDecisionField, string>;

/** The template: header, an example row, and the codes it accepts (as comment lines Excel shows and the parser skips). */
export function importTemplateCsv(): string {
  const legend = [
    `# Критерії: ${CRITERIA.map((c) => c.code).join(", ")}`,
    `# Підстави звільнення від критерію зарплати: ${SALARY_EXEMPTIONS.map((e) => e.code).join(", ")}`,
    `# Категорії ліміту: ${LIMIT_CATEGORIES.join(", ")} (для DEFENCE_100 заповніть «Загальна чисельність»; ENERGY_EQUIPMENT_100 — з 05.02.2026, достатньо двох критеріїв)`,
  ];
  return toCsv(
    IMPORT_COLUMNS.map((c) => c.header),
    [IMPORT_COLUMNS.map((c) => c.example)],
    { trailer: legend },
  );
}

export type ParsedImportRow = {
  /** Line in the file, counting the header as line 1. */
  line: number;
  values: Record<NewDecisionField, unknown>;
  problems: Partial<Record<NewDecisionField, string>>;
};

export type ParsedImport = { rows: ParsedImportRow[]; fileProblems: string[] };

const DMY = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const normalise = (text: string) => text.trim().toLowerCase().replace(/[’ʼ`]/g, "'");

export function parseImportCsv(text: string): ParsedImport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    comments: "#",
    delimitersToGuess: [";", ",", "\t"],
  });
  const [header, ...lines] = parsed.data;
  if (!header)
    return { rows: [], fileProblems: ["Файл порожній: потрібен рядок заголовків і хоча б один рядок рішення"] };

  const index = new Map(header.map((cell, i) => [normalise(cell), i]));
  const missing = IMPORT_COLUMNS.filter((c) => !index.has(normalise(c.header)) && !index.has(c.field.toLowerCase()));
  if (missing.length > 0) {
    return {
      rows: [],
      fileProblems: [
        `У файлі бракує стовпців: ${missing.map((c) => `«${c.header}»`).join(", ")}. Завантажте шаблон і заповніть його`,
      ],
    };
  }
  if (lines.length === 0) return { rows: [], fileProblems: ["У файлі немає жодного рядка рішення"] };
  if (lines.length > IMPORT_MAX_ROWS)
    return { rows: [], fileProblems: [`Забагато рядків: не більше ${IMPORT_MAX_ROWS} за один раз`] };

  const column = (field: NewDecisionField) =>
    index.get(normalise(IMPORT_HEADER_OF[field])) ?? index.get(field.toLowerCase())!;
  const rows = lines.map((cells, i) => {
    const cell = (field: NewDecisionField) => (cells[column(field)] ?? "").trim();
    const problems: ParsedImportRow["problems"] = {};
    const date = (field: "decidedOn" | "validFrom" | "validUntil") => {
      const raw = cell(field);
      const dmy = DMY.exec(raw);
      if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw))
        problems[field] = raw ? `Дата «${raw}» не у форматі дд.мм.рррр` : "Вкажіть дату";
      return raw;
    };
    const count = (field: "militaryLiableCount" | "headcount", optional: boolean) => {
      const raw = cell(field).replace(/\s/g, "");
      if (raw === "" && optional) return null;
      if (!/^\d{1,8}$/.test(raw)) problems[field] = raw ? `«${raw}» — не ціле невід'ємне число` : "Вкажіть число";
      return /^\d{1,8}$/.test(raw) ? Number(raw) : raw;
    };
    const values: ParsedImportRow["values"] = {
      edrpou: cell("edrpou"),
      number: cell("number"),
      decidedOn: date("decidedOn"),
      criteria: cell("criteria")
        .toUpperCase()
        .split(/[\s,;|/]+/)
        .filter(Boolean),
      salaryExemption: cell("salaryExemption").toUpperCase() || null,
      limitCategory: cell("limitCategory").toUpperCase(),
      militaryLiableCount: count("militaryLiableCount", false),
      headcount: count("headcount", true),
      validFrom: date("validFrom"),
      validUntil: date("validUntil"),
    };
    return { line: i + 2, values, problems };
  });
  return { rows, fileProblems: [] };
}
