import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { z } from "@/lib/zod";
import { drawNoticesPdf } from "./draw-notices-pdf";
import { buildNoticeSheets, PRINTABLE_NOTICE_SELECT } from "./notice-sheets";
import { wasSigned } from "./was-signed";
import type { NoticePdfFile } from "./render-notice-batch-pdf";

// One notice's printed form (the batch's renderer, one page) for the two who may hold it: the
// officers and the head of its ТЦК, and the citizen it is addressed to (from /me/notices).
// Anyone else — another ТЦК, another citizen, any other role — finds nothing (404). A notice the
// head has not signed is not a notice yet (409); one withdrawn after signing is drawn stamped
// «ВІДКЛИКАНО» with the date and reason, so the addressee has it in writing. Audited like the batch.

const noticeId = z.uuid("Невірне посилання на повістку");

/** Whose copy: the addressee's (/me/notices) or the ТЦК's, under the batch it belongs to (/tck/notices). */
export const ZNoticeRef = z.discriminatedUnion("as", [
  z.object({ as: z.literal("addressee"), noticeId }),
  z.object({ as: z.literal("tcc"), noticeId, batchId: z.uuid("Невірне посилання на пакет повісток") }),
]);

export async function renderNoticePdf(ctx: Ctx<"actor" | "db" | "registry">, input: unknown): Promise<NoticePdfFile> {
  const ref = parseInput(ZNoticeRef, input);
  const actor = ctx.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const isTck = actor.role === "TCK_OFFICER" || actor.role === "TCK_HEAD";
  const isAddressee = can(actor, "record.read") && Boolean(actor.rnokpp);
  if (ref.as === "tcc" ? !isTck : !isAddressee) throw new AppError("NOT_FOUND", "Повістку не знайдено");
  const officer = ref.as === "tcc" ? { ...(await loadActingTcc(ctx, "register.read")), batchId: ref.batchId } : null;
  const row = await ctx.db.notice.findFirst({
    where: officer
      ? { id: ref.noticeId, tcc: officer.tcc.name, batchId: officer.batchId }
      : { id: ref.noticeId, rnokpp: actor.rnokpp! },
    select: {
      ...PRINTABLE_NOTICE_SELECT,
      id: true,
      tcc: true,
      batch: { select: { formedAt: true, signedAt: true, signerName: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Повістку не знайдено");
  const { signedAt } = row.batch;
  if (!signedAt || !wasSigned(row, signedAt)) throw new AppError("NOTICE_NOT_SIGNED");
  const tcc = officer?.tcc ?? (await ctx.registry.findTcc(row.tcc)) ?? { name: row.tcc, address: "" };
  const [sheet] = await buildNoticeSheets(ctx.registry, {
    tcc,
    batch: { ...row.batch, signedAt },
    notices: [row],
  });
  const body = await drawNoticesPdf([sheet!], `Повістка ${sheet!.number}`);
  await writeAudit(ctx.db, {
    actor: { rnokpp: actor.rnokpp, role: actor.role },
    action: "notice.print",
    entityType: "notice",
    entityId: row.id,
    details: { tcc: row.tcc, number: sheet!.number, withdrawn: row.status === "WITHDRAWN" },
  });
  const digits = sheet!.number.replace(/[^0-9/]/g, "").replace("/", "-");
  return { body: new Uint8Array(body), fileName: `povistka-${digits}.pdf`, pages: 1 };
}
