import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { withDb } from "@/lib/context-server";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { decideCertificateEntitlement } from "@/lib/rules/certificate-entitlement";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { loadCertificateSeal } from "./certificate-seal";
import { issueForRequest } from "./issue-for-request";
import { CERTIFICATE_KIND_INFO } from "./labels";
import { notifyStaffOfficers } from "./notify-staff-officers";
import { readCertificateFacts } from "./read-certificate-facts";
import { ZRequestCertificateInput } from "./schemas";

export type RequestCertificateResult =
  | { status: "ISSUED"; requestId: string; certificateId: string; number: string }
  | { status: "PENDING"; requestId: string; dueOn: string; unit: { code: string; name: string } };

/**
 * A citizen asks for a certificate. When the registry holds every fact it states, it is sealed
 * and issued in this same call; when a unit has not confirmed a period, the request goes to
 * that unit's staff officer with a due date. Not entitled, or a request of this kind still
 * open: a clear refusal and nothing written.
 */
export async function requestCertificate(ctx: Ctx, input: unknown): Promise<RequestCertificateResult> {
  const { actor } = ctx;
  assertCan(actor, "certificates.request");
  const { kind } = parseInput(ZRequestCertificateInput, input);
  const rnokpp = actor.rnokpp;
  const today = kyivDate(ctx.now);
  const info = CERTIFICATE_KIND_INFO[kind];
  // Outside the transaction: the first use issues the seal's certificate (it may set up the provider).
  const seal = await loadCertificateSeal(ctx);

  return inTransaction(
    ctx.db,
    async (tx) => {
      const txCtx = withDb(ctx, tx);
      // Two taps at once must not open two requests: one person's requests of a kind go in turn.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`certificate:${rnokpp}:${kind}`}))`;
      const openKey = `${rnokpp}:${kind}`;
      if (await tx.certificateRequest.findUnique({ where: { openKey }, select: { id: true } }))
        throw new AppError("CERTIFICATE_REQUEST_OPEN");

      const { entitlement, facts } = await readCertificateFacts(txCtx, { rnokpp, kind, today });
      if (!facts) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");
      const decision = decideCertificateEntitlement(entitlement);
      const who = { rnokpp, role: actor.role };

      if (decision.outcome === "REFUSE") throw new AppError("CERTIFICATE_NOT_ENTITLED", decision.message);

      if (decision.outcome === "ISSUE") {
        const request = await tx.certificateRequest.create({
          data: { rnokpp, kind, status: "ISSUED", createdAt: ctx.now, decidedAt: ctx.now },
          select: { id: true },
        });
        await writeAudit(tx, {
          actor: who,
          action: "certificateRequest.submit",
          entityType: "CertificateRequest",
          entityId: request.id,
          details: { kind, automatic: true },
        });
        const sealed = await issueForRequest(txCtx, { requestId: request.id, facts, seal, actor: who });
        return { status: "ISSUED", requestId: request.id, certificateId: sealed.id, number: sealed.number };
      }

      const unit = await tx.militaryUnit.findUnique({
        where: { code: decision.unitCode },
        select: { id: true, code: true, name: true },
      });
      if (!unit)
        throw new AppError(
          "CERTIFICATE_UNIT_NOT_CONNECTED",
          `Період служби в частині ${decision.unitCode} не підтверджено, а частина ще не підключена до порталу: зверніться до неї напряму`,
        );
      const request = await tx.certificateRequest.create({
        data: {
          rnokpp,
          kind,
          status: "PENDING",
          openKey,
          unitId: unit.id,
          dueOn: isoDateToUtc(decision.dueOn),
          createdAt: ctx.now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor: who,
        action: "certificateRequest.route",
        entityType: "CertificateRequest",
        entityId: request.id,
        details: { kind, unitCode: unit.code, periodIds: decision.periodIds, dueOn: decision.dueOn },
      });
      await notifyStaffOfficers(tx, unit.id, {
        kind: "certificate.request",
        title: "Новий запит на підтвердження служби",
        body: `Військовослужбовець просить довідку про участь у військовій службі: потрібно підтвердити період служби у в/ч ${unit.code}. Строк відповіді — до ${formatDate(decision.dueOn)}.`,
        link: `/staff/requests/${request.id}`,
      });
      await notify(tx, [
        {
          recipientRnokpp: rnokpp,
          audience: "me",
          kind: "certificate.routed",
          title: `${info.title}: запит передано до військової частини`,
          body: `Період вашої служби у в/ч ${unit.code} ще не підтверджено. Запит передано офіцерові стройової частини; відповідь — до ${formatDate(decision.dueOn)}. Ми повідомимо вас про рішення.`,
          link: "/me/certificates",
        },
      ]);
      return {
        status: "PENDING",
        requestId: request.id,
        dueOn: decision.dueOn,
        unit: { code: unit.code, name: unit.name },
      };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
