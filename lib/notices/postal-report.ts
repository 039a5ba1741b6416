// The postal operator's CSV report, pure and browser-safe. One row per registered letter:
// «Трек-номер;Номер повістки;Статус;Дата». The status is what the post reports — прийнято
// (the letter was sent), вручено, відмова (refused to take it), повернуто (returned as
// undelivered); the notice's number is needed only on the «прийнято» row, which binds the
// tracking number to the notice. Every row is checked with zod; problems carry the line number.
import Papa from "papaparse";
import { z } from "@/lib/zod";

export const POSTAL_REPORT_MAX_BYTES = 1024 * 1024;
export const POSTAL_REPORT_MAX_ROWS = 5000;

export const POSTAL_STATUSES = {
  прийнято: "SENT",
  вручено: "DELIVERED",
  відмова: "REFUSED",
  повернуто: "RETURNED",
} as const;
export type PostalStatus = (typeof POSTAL_STATUSES)[keyof typeof POSTAL_STATUSES];

const COLUMNS = [
  { key: "tracking", header: "трек-номер" },
  { key: "notice", header: "номер повістки" },
  { key: "status", header: "статус" },
  { key: "date", header: "дата" },
] as const;

const DMY = /^(\d{2})\.(\d{2})\.(\d{4})$/;

const ZPostalRow = z
  .object({
    tracking: z.string().regex(/^[A-Z0-9]{8,20}$/, "Трек-номер — від 8 до 20 латинських літер і цифр"),
    notice: z.union([z.literal(""), z.string().regex(/^П-\d{4}\/\d{6,}$/, "Номер повістки має вигляд П-РРРР/NNNNNN")]),
    status: z.enum(
      Object.keys(POSTAL_STATUSES) as [keyof typeof POSTAL_STATUSES],
      "Статус — прийнято, вручено, відмова або повернуто",
    ),
    date: z.string().transform((raw, check) => {
      const dmy = DMY.exec(raw);
      const iso = dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : raw;
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
        Number.isNaN(Date.parse(iso)) ||
        new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
      ) {
        check.addIssue({ code: "custom", message: raw ? `Дата «${raw}» не у форматі дд.мм.рррр` : "Вкажіть дату" });
        return z.NEVER;
      }
      return iso;
    }),
  })
  .refine((row) => row.status !== "прийнято" || row.notice !== "", {
    message: "Для статусу «прийнято» вкажіть номер повістки",
    path: ["notice"],
  });

export type PostalRow = { line: number; tracking: string; notice: string | null; status: PostalStatus; date: string };
export type PostalProblem = { line: number; message: string };

/** Rows that parsed, and every problem with its line (the header is line 1). */
export function parsePostalReport(text: string): { rows: PostalRow[]; problems: PostalProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [";", ",", "\t"],
  });
  const [header, ...lines] = parsed.data;
  if (!header)
    return {
      rows: [],
      problems: [{ line: 1, message: "Файл порожній: потрібен рядок заголовків і хоча б один рядок" }],
    };
  const index = new Map(header.map((cell, i) => [cell.trim().toLowerCase(), i]));
  const missing = COLUMNS.filter((c) => !index.has(c.header));
  if (missing.length > 0)
    return {
      rows: [],
      problems: [{ line: 1, message: `У файлі бракує стовпців: ${missing.map((c) => `«${c.header}»`).join(", ")}` }],
    };
  if (lines.length === 0)
    return { rows: [], problems: [{ line: 1, message: "У файлі немає жодного рядка відправлення" }] };
  if (lines.length > POSTAL_REPORT_MAX_ROWS)
    return {
      rows: [],
      problems: [{ line: 1, message: `Забагато рядків: не більше ${POSTAL_REPORT_MAX_ROWS} за один раз` }],
    };

  const rows: PostalRow[] = [];
  const problems: PostalProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    const raw = Object.fromEntries(COLUMNS.map((c) => [c.key, (cells[index.get(c.header)!] ?? "").trim()]));
    raw.tracking = raw.tracking!.toUpperCase();
    const result = ZPostalRow.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, message: issue.message });
      return;
    }
    const first = seen.get(result.data.tracking);
    if (first !== undefined) {
      problems.push({
        line,
        message: `Трек-номер ${result.data.tracking} уже є в рядку ${first}: одне відправлення — один рядок`,
      });
      return;
    }
    seen.set(result.data.tracking, line);
    rows.push({
      line,
      tracking: result.data.tracking,
      notice: result.data.notice || null,
      status: POSTAL_STATUSES[result.data.status],
      date: result.data.date,
    });
  });
  return { rows, problems };
}
