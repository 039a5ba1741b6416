import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { EnterpriseRecord } from "@/lib/registry";
import type { IsoDate } from "@/lib/rules";
import { z } from "@/lib/zod";
import type { ActingAuthority } from "./acting-authority";
import { assessNewDecision } from "./assess-new-decision";
import type { DecisionRecord } from "./decision-documents";
import { IMPORT_MAX_BYTES, parseImportCsv } from "./import-csv";
import type { NewDecisionField } from "./new-decision-fields";
import { ZNewDecision } from "./schemas";

// Every row of an import file through the same checks as the form (zod, then the register,
// competence, decisions in force, criteria, term, limit, number), plus the batch's own: one
// enterprise and one decision number at most once per file. A batch is valid only when every
// row is.

export const ZImportFile = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.csv$/i, "Оберіть файл із розширенням .csv"),
    text: z.string().max(IMPORT_MAX_BYTES, "Файл завеликий: не більше 512 КБ"),
  })
  .strict();
export type ImportFile = z.output<typeof ZImportFile>;

export type ImportRowView = {
  line: number;
  edrpou: string;
  number: string;
  enterpriseName: string | null;
  problems: Partial<Record<NewDecisionField, string>>;
};

export type ImportAssessment = {
  rows: ImportRowView[];
  fileProblems: string[];
  valid: boolean;
  /** In file order; only when valid. */
  decisions: Array<{ decision: DecisionRecord; enterprise: EnterpriseRecord }>;
};

export async function assessImport(
  ctx: { db: DbClient },
  options: { authority: ActingAuthority; file: ImportFile; today: IsoDate },
): Promise<ImportAssessment> {
  const tx = ctx.db;
  const { file } = options;
  if (Buffer.byteLength(file.text, "utf8") > IMPORT_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Файл завеликий: не більше 512 КБ", {
      fields: { file: "Файл завеликий: не більше 512 КБ" },
    });
  // A spreadsheet saved as .xlsx and renamed, or any binary, has NUL bytes a CSV never has.
  if (file.text.includes("\u0000"))
    return {
      rows: [],
      fileProblems: ["Файл не схожий на текстовий CSV: збережіть таблицю як «CSV UTF-8»"],
      valid: false,
      decisions: [],
    };

  const parsed = parseImportCsv(file.text);
  const rows: ImportRowView[] = [];
  const decisions: ImportAssessment["decisions"] = [];
  const seenEdrpou = new Map<string, number>();
  const seenNumber = new Map<string, number>();
  for (const row of parsed.rows) {
    const problems = { ...row.problems };
    let enterpriseName: string | null = null;
    const input = ZNewDecision.safeParse(row.values);
    if (!input.success) {
      for (const issue of input.error.issues) {
        const field = String(issue.path[0] ?? "edrpou") as NewDecisionField;
        problems[field] ??= issue.message;
      }
    } else if (Object.keys(problems).length === 0) {
      const assessed = await assessNewDecision(
        { db: tx },
        {
          authority: options.authority,
          input: input.data,
          today: options.today,
        },
      );
      enterpriseName = assessed.enterprise?.name ?? null;
      if (assessed.ok) decisions.push({ decision: assessed.decision, enterprise: assessed.enterprise });
      else Object.assign(problems, assessed.problems);
    }

    const edrpou = String(row.values.edrpou);
    const number = String(row.values.number);
    if (seenEdrpou.has(edrpou))
      problems.edrpou ??= `Це підприємство вже є у рядку ${seenEdrpou.get(edrpou)} цього файлу`;
    else seenEdrpou.set(edrpou, row.line);
    if (seenNumber.has(number))
      problems.number ??= `Цей номер рішення вже є у рядку ${seenNumber.get(number)} цього файлу`;
    else seenNumber.set(number, row.line);
    rows.push({ line: row.line, edrpou, number, enterpriseName, problems });
  }
  const valid =
    parsed.fileProblems.length === 0 && rows.length > 0 && rows.every((r) => Object.keys(r.problems).length === 0);
  return { rows, fileProblems: parsed.fileProblems, valid, decisions: valid ? decisions : [] };
}
