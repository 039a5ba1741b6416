import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import type { DbTx, Prisma } from "@/lib/db/client";
import { lockEnterpriseDecisions } from "@/lib/reservations";
import { acceptOfficialSignature } from "./accept-official-signature";
import { loadActingAuthority, type ActingAuthority } from "./acting-authority";
import { loadDecision, type LoadedDecision } from "./load-decision";
import { planDecisionChange, type ChangePlan } from "./plan-decision-change";
import { changeDocument } from "./prepare-decision-change";
import type { DecisionChange } from "./schemas";
import { kyivDate } from "@/lib/format";

// The common part of every signed act on a decision, inside the caller's transaction: the
// decision (which must be this authority's) is locked, the act is planned again on today's data,
// the signature is verified over the rebuilt document, and the change, its DecisionEvent and
// the audit row are written. The callers add what is particular to their act.

export const CHANGE_AUDIT_ACTIONS = {
  CONFIRMED: "decision.confirmed",
  EXTENDED: "decision.extended",
  LIMIT_CHANGED: "decision.limit_changed",
  REVOKED: "decision.revoked",
} as const;

export type AppliedChange = {
  authority: ActingAuthority;
  decision: LoadedDecision;
  plan: ChangePlan;
  signedDocumentId: string;
  eventId: string;
  today: string;
};

/** Runs in the caller's transaction (`ctx.db`). */
export async function applyDecisionChange(
  ctx: { db: DbTx; actor: Actor; now: Date },
  options: { decisionId: string; change: DecisionChange; nonce: string; signature: string },
): Promise<AppliedChange> {
  const { db: tx, actor, now } = ctx;
  const { change } = options;
  const authority = await loadActingAuthority(ctx, { permission: "decisions.write" });
  // The lifecycle's lock on the enterprise's decision rows: a revocation or a new limit waits for
  // an application being decided, and the next one sees what this act committed.
  const { edrpou } = await loadDecision({ db: tx }, { authorityId: authority.id, decisionId: options.decisionId });
  await lockEnterpriseDecisions(tx, edrpou);
  const decision = await loadDecision({ db: tx }, { authorityId: authority.id, decisionId: options.decisionId });
  const today = kyivDate(now);
  const plan = await planDecisionChange({ db: tx }, { decision, change, today });
  const signed = await acceptOfficialSignature(
    { db: tx, now },
    {
      authority,
      kind: "DECISION_CHANGE",
      purpose: "change",
      content: changeDocument({ authority, decision, change, plan, nonce: options.nonce }),
      signatureBase64: options.signature,
      nonce: options.nonce,
      edrpou: decision.edrpou,
    },
  );

  await tx.criticalDecision.update({
    where: { id: decision.id },
    data: {
      ...(plan.update as Prisma.CriticalDecisionUpdateInput),
      ...(plan.eventKind === "REVOKED" ? { revokedAt: now } : {}),
    },
  });
  const event = await tx.decisionEvent.create({
    data: {
      decisionId: decision.id,
      kind: plan.eventKind,
      reason: change.reason,
      changes: { before: plan.before, after: plan.after } as Prisma.InputJsonValue,
      signedDocumentId: signed.id,
      actorUserId: actor.userId,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor: { rnokpp: actor.rnokpp, role: actor.role },
    action: CHANGE_AUDIT_ACTIONS[plan.eventKind],
    entityType: "CriticalDecision",
    entityId: decision.id,
    edrpou: decision.edrpou,
    authorityId: authority.id,
    details: {
      number: decision.number,
      reason: change.reason,
      before: plan.before,
      after: plan.after,
    } as Prisma.InputJsonValue,
    signedDocumentId: signed.id,
  });
  return { authority, decision, plan, signedDocumentId: signed.id, eventId: event.id, today };
}
