import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { formatDate, formatMoney } from "@/lib/format";
import { getApplication } from "@/lib/reservations";
import { toCsv } from "@/lib/format/csv";
import { ITEM_DECISION_LABELS } from "./labels";

// The results of one application as a CSV the HR department opens in Excel: each employee in
// the order listed, the decision, the reasons in words, the term. Scoped like the page (another
// enterprise's application is not found); UTF-8 with BOM, semicolons, formulas defused.

const COLUMNS = [
  "№",
  "ПІБ",
  "РНОКПП",
  "Заробітна плата, грн",
  "Рішення",
  "Причини відмови",
  "Заброньовано з",
  "Заброньовано до",
];

export async function exportApplicationCsv(
  ctx: Ctx<"db"> & { actor: Actor },
  input: { applicationId: string },
): Promise<{ text: string; fileName: string }> {
  const app = await getApplication(ctx, input);
  const rows = app.items.map((item) => [
    item.position,
    item.fullName,
    item.rnokpp,
    item.salary === null ? null : formatMoney(item.salary, { currency: false }),
    item.decision ? ITEM_DECISION_LABELS[item.decision] : "Очікує рішення",
    item.reasons.map((r) => r.message).join("; "),
    item.reservedFrom ? formatDate(item.reservedFrom) : null,
    item.reservedUntil ? formatDate(item.reservedUntil) : null,
  ]);
  const stem = app.kind === "RESERVATION" ? "bronyuvannia" : "anuliuvannia";
  return { text: toCsv(COLUMNS, rows), fileName: `rezultaty-${stem}-${app.id.slice(0, 8)}.csv` };
}
