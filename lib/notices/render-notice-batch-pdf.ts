import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { drawNoticesPdf } from "./draw-notices-pdf";
import { buildNoticeSheets, PRINTABLE_NOTICE_SELECT } from "./notice-sheets";
import { wasSigned } from "./was-signed";
import { NOTICES_PER_PDF, ZBatchPrint } from "./schemas";

// The signed batch as one PDF for printing: every notice the head's signature covers, one A4
// page each, in number order. Only the officers and the head of the batch's own ТЦК get it —
// another ТЦК's batch, and any other role, is "not found", as on the batch's page. A batch not
// yet signed prints nothing (409). A batch of thousands prints in parts of NOTICES_PER_PDF pages
// (a file a printer and a browser can take). Every download is audited; a refusal is not.

export type NoticePdfFile = { body: Uint8Array; fileName: string; pages: number };

export async function renderNoticeBatchPdf(
  ctx: Ctx<"actor" | "db" | "registry">,
  input: unknown,
): Promise<NoticePdfFile> {
  const { batchId, part } = parseInput(ZBatchPrint, input);
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  if (ctx.actor.role !== "TCK_OFFICER" && ctx.actor.role !== "TCK_HEAD")
    throw new AppError("NOT_FOUND", "Пакет повісток не знайдено");
  const { actor, tcc } = await loadActingTcc(ctx, "register.read");
  const batch = await ctx.db.noticeBatch.findFirst({
    where: { id: batchId, tcc: tcc.name },
    select: {
      id: true,
      formedAt: true,
      signedAt: true,
      signerName: true,
      notices: { orderBy: { seq: "asc" }, select: PRINTABLE_NOTICE_SELECT },
    },
  });
  if (!batch) throw new AppError("NOT_FOUND", "Пакет повісток не знайдено");
  const { signedAt } = batch;
  if (!signedAt)
    throw new AppError("NOTICE_NOT_SIGNED", "Пакет ще не підписано начальником ТЦК та СП: друкувати повістки рано");
  const printable = batch.notices.filter((notice) => wasSigned(notice, signedAt));
  const parts = Math.ceil(printable.length / NOTICES_PER_PDF);
  if (part > parts) throw new AppError("NOT_FOUND", `У пакеті ${parts} частин(и) для друку: частини ${part} немає`);
  const notices = printable.slice((part - 1) * NOTICES_PER_PDF, part * NOTICES_PER_PDF);
  const sheets = await buildNoticeSheets(ctx.registry, { tcc, batch: { ...batch, signedAt }, notices });
  const shortId = batch.id.slice(0, 8);
  const stem = parts > 1 ? `povistky-${shortId}-${part}` : `povistky-${shortId}`;
  const body = await drawNoticesPdf(sheets, `Повістки, пакет ${shortId}${parts > 1 ? `, частина ${part}` : ""}`);
  await writeAudit(ctx.db, {
    actor: { rnokpp: actor.rnokpp, role: actor.role },
    action: "notices.print",
    entityType: "notice_batch",
    entityId: batch.id,
    details: { tcc: tcc.name, notices: sheets.length, part, parts },
  });
  return { body: new Uint8Array(body), fileName: `${stem}.pdf`, pages: sheets.length };
}
