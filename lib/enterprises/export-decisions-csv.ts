import "server-only";
import type { Ctx } from "@/lib/context";
import { formatDate, kyivDate } from "@/lib/format";
import { toCsv } from "@/lib/format/csv";
import { LIMIT_CATEGORY_LABELS } from "@/lib/rules";
import { DECISION_STATE_LABELS } from "./decision-state";
import { listDecisions } from "./list-decisions";

// The list as the official filtered it, as a CSV file Excel opens as is: UTF-8 with a byte
// order mark (else Excel reads Cyrillic as cp1251), semicolons (the separator Excel expects in a
// Ukrainian locale), dates дд.мм.рррр, formulas defused — the portal's one writer, lib/format/csv.ts.

const COLUMNS = [
  "ЄДРПОУ",
  "Підприємство",
  "Регіон",
  "КВЕД",
  "Номер рішення",
  "Дата рішення",
  "Діє з",
  "Діє до",
  "Стан",
  "Категорія ліміту",
  "Ліміт, %",
  "Ліміт, осіб",
  "Військовозобов'язаних",
  "Заброньовано",
];

export async function exportDecisionsCsv(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { query?: unknown } = {},
): Promise<{ text: string; fileName: string }> {
  const list = await listDecisions(ctx, { ...input, all: true });
  const rows = list.rows.map((r) => [
    r.edrpou,
    r.enterpriseName,
    r.region,
    r.kved,
    r.number,
    formatDate(r.decidedOn),
    formatDate(r.validFrom),
    formatDate(r.effectiveUntil),
    DECISION_STATE_LABELS[r.state],
    LIMIT_CATEGORY_LABELS[r.limitCategory],
    String(r.limitPercent),
    String(r.limitCount),
    String(r.militaryLiableCount),
    String(r.reserved),
  ]);
  return { text: toCsv(COLUMNS, rows), fileName: `pidpryiemstva-${kyivDate(ctx.now)}.csv` };
}
