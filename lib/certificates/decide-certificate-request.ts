import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { withDb } from "@/lib/context-server";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { notify } from "@/lib/notifications";
import { decideCertificateEntitlement } from "@/lib/rules/certificate-entitlement";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { loadCertificateSeal } from "./certificate-seal";
import { CERTIFICATE_DECISION_NONCE_PURPOSE, certificateDecisionDocument } from "./decision-document";
import { issueForRequest } from "./issue-for-request";
import { CERTIFICATE_KIND_INFO } from "./labels";
import { loadUnitRequest } from "./load-unit-request";
import { notifyStaffOfficers } from "./notify-staff-officers";
import { readCertificateFacts } from "./read-certificate-facts";
import { ZSignedCertificateDecision } from "./schemas";

export type CertificateDecisionResult =
  { status: "ISSUED"; number: string } | { status: "PENDING"; unitCode: string; dueOn: string } | { status: "REFUSED" };

/**
 * Step two: the staff officer's КЕП signature over the rebuilt document. In one transaction the
 * signature is verified (this officer, of this unit, the nonce consumed, no replay); a
 * confirmation writes the periods' confirmation into Оберіг and — when nothing else is missing
 * — seals and issues the certificate at once; a refusal records the reason. The citizen is told
 * either way. Another unit's officer, a decided request or a bad signature change nothing.
 */
export async function decideCertificateRequest(ctx: Ctx, input: unknown): Promise<CertificateDecisionResult> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const decision = parseInput(ZSignedCertificateDecision, input);
  const seal = await loadCertificateSeal(ctx);
  const today = kyivDate(ctx.now);

  return inTransaction(
    ctx.db,
    async (tx) => {
      const txCtx = withDb({ ...ctx, actor }, tx);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certificate-request:${decision.requestId}`}))`;
      const request = await loadUnitRequest(txCtx, decision.requestId);
      if (request.status !== "PENDING") throw new AppError("CERTIFICATE_REQUEST_DECIDED");
      const accepted = await acceptSignedDocument(
        { db: tx, now: ctx.now },
        {
          kind: "CERTIFICATE_DECISION",
          content: certificateDecisionDocument(request, decision, decision.nonce),
          signature: decision.signature,
          signer: { role: "UNIT_STAFF_OFFICER", unitId: actor.unitId, rnokpp: actor.rnokpp },
          nonce: { value: decision.nonce, purpose: CERTIFICATE_DECISION_NONCE_PURPOSE },
        },
      );
      const who = { rnokpp: actor.rnokpp, role: actor.role };
      const info = CERTIFICATE_KIND_INFO[request.kind];
      const decided = { decidedAt: ctx.now, decidedByRnokpp: actor.rnokpp, signedDocumentId: accepted.id };

      if (decision.decision === "REFUSE") {
        await tx.certificateRequest.update({
          where: { id: request.id },
          data: { status: "REFUSED", openKey: null, refusalReason: decision.reason, ...decided },
        });
        await writeAudit(tx, {
          actor: who,
          action: "certificateRequest.refuse",
          entityType: "CertificateRequest",
          entityId: request.id,
          signedDocumentId: accepted.id,
          details: { unitCode: request.unit.code, reason: decision.reason },
        });
        await notify(tx, [
          {
            recipientRnokpp: request.person.rnokpp,
            audience: "me",
            kind: "certificate.refused",
            title: `${info.title}: військова частина відмовила`,
            body: `В/ч ${request.unit.code} не підтвердила період служби. Причина: ${decision.reason}`,
            link: "/me/certificates",
          },
        ]);
        return { status: "REFUSED" };
      }

      const confirmed = await txCtx.registry.confirmServicePeriods(tx, {
        rnokpp: request.person.rnokpp,
        unitCode: request.unit.code,
        on: today,
      });
      await writeAudit(tx, {
        actor: who,
        action: "servicePeriod.confirm",
        entityType: "CertificateRequest",
        entityId: request.id,
        signedDocumentId: accepted.id,
        details: { unitCode: request.unit.code, periods: confirmed },
      });
      const { entitlement, facts } = await readCertificateFacts(txCtx, {
        rnokpp: request.person.rnokpp,
        kind: request.kind,
        today,
      });
      const next = decideCertificateEntitlement(entitlement);
      if (next.outcome === "ISSUE" && facts) {
        await tx.certificateRequest.update({
          where: { id: request.id },
          data: { status: "ISSUED", openKey: null, ...decided },
        });
        const sealed = await issueForRequest(txCtx, { requestId: request.id, facts, seal, actor: who });
        return { status: "ISSUED", number: sealed.number };
      }
      if (next.outcome !== "ROUTE_TO_UNIT")
        throw new AppError("CONFLICT", "Відомості реєстру змінилися: довідку видати не можна");
      // Another unit's period still waits: the request moves on to that unit.
      const unit = await tx.militaryUnit.findUnique({
        where: { code: next.unitCode },
        select: { id: true, code: true },
      });
      if (!unit) throw new AppError("CERTIFICATE_UNIT_NOT_CONNECTED");
      await tx.certificateRequest.update({
        where: { id: request.id },
        data: { unitId: unit.id, dueOn: isoDateToUtc(next.dueOn) },
      });
      await notifyStaffOfficers(tx, unit.id, {
        kind: "certificate.request",
        title: "Новий запит на підтвердження служби",
        body: `Потрібно підтвердити період служби у в/ч ${unit.code} для довідки про участь у військовій службі. Строк — до ${formatDate(next.dueOn)}.`,
        link: `/staff/requests/${request.id}`,
      });
      return { status: "PENDING", unitCode: unit.code, dueOn: next.dueOn };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
