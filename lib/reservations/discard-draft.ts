import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import { z } from "@/lib/zod";

// Removes a prepared application nobody signed — one the wizard replaced with a fresh pre-check,
// or one the head decided not to sign. The head may discard any of the enterprise's drafts, an
// authorized person only their own. A signed draft is part of an application and stays.

export async function discardDraft(
  ctx: Ctx<"actor" | "db">,
  input: { draftId: string },
): Promise<{ discarded: boolean }> {
  const { actor } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { isHead } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  if (!z.uuid().safeParse(input.draftId).success) throw notFound();
  return inTransaction(ctx.db, async (tx) => {
    const draft = await tx.draft.findFirst({
      where: { id: input.draftId, edrpou, ...(isHead ? {} : { createdByRnokpp: actor.rnokpp ?? "" }) },
      select: { id: true, kind: true, application: { select: { id: true } } },
    });
    if (!draft) throw notFound();
    if (draft.application) throw new AppError("DRAFT_ALREADY_SUBMITTED");
    await tx.draft.delete({ where: { id: draft.id } });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "draft.discard",
      entityType: "Draft",
      entityId: draft.id,
      edrpou,
      details: { kind: draft.kind },
    });
    return { discarded: true };
  });
}

function notFound(): AppError {
  return new AppError("DRAFT_NOT_FOUND", "Чернетку заяви не знайдено");
}
