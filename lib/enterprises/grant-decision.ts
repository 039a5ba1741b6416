import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import { type DbTx, type Prisma } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { formatDate, formatNumber, kyivDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { isoDateToUtc, type LimitCategory } from "@/lib/rules";
import { acceptOfficialSignature, lockEnterpriseForGrant } from "./accept-official-signature";
import { loadActingAuthority, type ActingAuthority } from "./acting-authority";
import { assertAssessed, assessNewDecision } from "./assess-new-decision";
import { buildGrantDocument, type DecisionRecord } from "./decision-documents";
import { ZGrantDecision } from "./schemas";

// Step two: the signed decision. In one transaction: the enterprise is locked, every check runs
// again on today's data, the signature is verified over the rebuilt document (by an official of
// this authority, nonce consumed), and the decision, its GRANTED event, the signed document and
// the audit row are written; the head is notified in the same transaction (an outbox).

export async function grantDecision(
  ctx: Ctx<"actor" | "db" | "now">,
  request: unknown,
): Promise<{ decisionId: string }> {
  const client = ctx.db;
  const now = ctx.now;
  const { decision: input, nonce, signature } = parseInput(ZGrantDecision, request);
  return inTransaction(
    client,
    async (tx) => {
      const authority = await loadActingAuthority({ db: tx, actor: ctx.actor }, { permission: "decisions.write" });
      await lockEnterpriseForGrant(tx, [input.edrpou]);
      const { decision, enterprise } = assertAssessed(
        await assessNewDecision({ db: tx }, { authority, input, today: kyivDate(now) }),
      );
      const signed = await acceptOfficialSignature(
        { db: tx, now },
        {
          authority,
          kind: "CRITICAL_DECISION",
          purpose: "grant",
          content: buildGrantDocument({ authority, decision, nonce }),
          signatureBase64: signature,
          nonce,
          edrpou: decision.edrpou,
        },
      );
      const decisionId = await recordGrantedDecision(
        { db: tx, actor: ctx.actor },
        {
          authority,
          decision,
          signedDocumentId: signed.id,
          headRnokpp: enterprise.headRnokpp,
        },
      );
      return { decisionId };
    },
    { timeout: 30_000 },
  );
}

/** Writes one granted decision with its event, audit row and the head's notice (shared with the import). */
export async function recordGrantedDecision(
  ctx: { db: DbTx; actor: Actor },
  input: {
    authority: ActingAuthority;
    decision: DecisionRecord;
    signedDocumentId: string;
    headRnokpp: string | null;
    imported?: boolean;
  },
): Promise<string> {
  const { db: tx, actor } = ctx;
  const { authority, decision } = input;
  const created = await tx.criticalDecision.create({
    data: {
      edrpou: decision.edrpou,
      authorityId: authority.id,
      number: decision.number,
      decidedOn: isoDateToUtc(decision.decidedOn),
      criteria: decision.criteria,
      salaryExemption: decision.salaryExemption,
      limitCategory: decision.limitCategory as LimitCategory,
      limitPercent: decision.limitPercent,
      militaryLiableCount: decision.militaryLiableCount,
      headcount: decision.headcount,
      limitCount: decision.limitCount,
      validFrom: isoDateToUtc(decision.validFrom),
      validUntil: isoDateToUtc(decision.validUntil),
      signedDocumentId: input.signedDocumentId,
      createdByUserId: actor.userId,
    },
    select: { id: true },
  });
  const changes = { ...decision, imported: input.imported ?? false } as unknown as Prisma.InputJsonValue;
  await tx.decisionEvent.create({
    data: {
      decisionId: created.id,
      kind: "GRANTED",
      changes,
      signedDocumentId: input.signedDocumentId,
      actorUserId: actor.userId,
    },
  });
  await writeAudit(tx, {
    actor: { rnokpp: actor.rnokpp, role: actor.role },
    action: input.imported ? "decision.imported" : "decision.granted",
    entityType: "CriticalDecision",
    entityId: created.id,
    edrpou: decision.edrpou,
    authorityId: authority.id,
    details: {
      number: decision.number,
      validFrom: decision.validFrom,
      validUntil: decision.validUntil,
      limitCount: decision.limitCount,
      limitCategory: decision.limitCategory,
    },
    signedDocumentId: input.signedDocumentId,
  });
  if (input.headRnokpp) {
    await notify(tx, [
      {
        recipientRnokpp: input.headRnokpp,
        audience: "company",
        kind: "decision.granted",
        title: "Підприємство визнано критично важливим",
        body:
          `${authority.shortName}: рішення № ${decision.number} від ${formatDate(decision.decidedOn)}. ` +
          `Підприємство «${decision.enterpriseName}» критично важливе з ${formatDate(decision.validFrom)} до ${formatDate(decision.effectiveUntil)}. ` +
          `Ліміт бронювання: ${formatNumber(decision.limitCount)} (${decision.limitPercent} %).`,
        link: "/company",
      },
    ]);
  }
  return created.id;
}
