import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatNumber, pluralUk } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import { parseDraftPayload } from "./draft-payload";
import { z } from "@/lib/zod";

// An authorized person prepares, the head signs: handing over tells the head, in the cabinet
// and by e-mail, that a pre-checked application waits for their signature, with a link to it.
// Only the person who prepared the draft hands it over, once; a second click changes nothing.

export async function handOverDraft(
  ctx: Ctx<"actor" | "db" | "now">,
  input: { draftId: string },
): Promise<{ notified: boolean }> {
  const { actor, now } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { enterprise } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  if (!z.uuid().safeParse(input.draftId).success) throw notFound();
  return inTransaction(ctx.db, async (tx) => {
    const draft = await tx.draft.findFirst({
      where: { id: input.draftId, edrpou, createdByRnokpp: actor.rnokpp ?? "" },
      select: { id: true, kind: true, expiresAt: true, payload: true, application: { select: { id: true } } },
    });
    if (!draft) throw notFound();
    if (draft.application) throw new AppError("DRAFT_ALREADY_SUBMITTED");
    if (draft.expiresAt <= now) throw new AppError("DRAFT_STALE", "Чернетка застаріла: сформуйте заяву знову");
    const earlier = await tx.auditLog.count({
      where: { entityType: "Draft", entityId: draft.id, action: "draft.hand_over" },
    });
    if (earlier > 0 || !enterprise.headRnokpp || enterprise.headRnokpp === actor.rnokpp) return { notified: false };

    const count = parseDraftPayload(draft.kind, draft.payload).employees.length;
    const what = draft.kind === "RESERVATION" ? "про бронювання" : "про анулювання бронювання";
    await notify(tx, [
      {
        recipientRnokpp: enterprise.headRnokpp,
        audience: "company",
        kind: "draft.handed_over",
        title: "Заява очікує вашого підпису",
        body: `${actor.fullName} підготував(ла) заяву ${what} — ${formatNumber(count)} ${pluralUk(count, ["працівник", "працівники", "працівників"])}. Перевірте її та підпишіть КЕП.`,
        link: `/company/applications/drafts/${draft.id}`,
      },
    ]);
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "draft.hand_over",
      entityType: "Draft",
      entityId: draft.id,
      edrpou,
      details: { kind: draft.kind, employees: count },
    });
    return { notified: true };
  });
}

function notFound(): AppError {
  return new AppError("DRAFT_NOT_FOUND", "Чернетку заяви не знайдено");
}
