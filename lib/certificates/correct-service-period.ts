import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { withDb } from "@/lib/context-server";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { notify } from "@/lib/notifications";
import { ZSignedServicePeriodCorrection } from "./schemas";
import {
  SERVICE_PERIOD_CORRECTION_NONCE_PURPOSE,
  applyServicePeriodCorrection,
  assertCorrectionApplies,
  loadUnitServicePeriod,
  servicePeriodCorrectionDocument,
} from "./service-period-correction";

/**
 * Step two: the unit's staff officer corrects a period of service the unit reported (dates,
 * position), signed with their КЕП over the document previewServicePeriodCorrection prepared.
 * In one transaction the correction is written into Оберіг, the signature is verified over the
 * rebuilt document (so a certificate issued since the preview makes the signature not match),
 * every valid certificate of the person that states other facts than the registry now holds is
 * revoked with the reason, and the person is told: a public check then says the certificate was
 * revoked and why. Another unit's period is "not found"; a refusal writes nothing.
 */
export async function correctServicePeriod(ctx: Ctx, input: unknown): Promise<{ revoked: string[] }> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const { nonce, signature, ...correction } = parseInput(ZSignedServicePeriodCorrection, input);
  const today = kyivDate(ctx.now);

  return inTransaction(
    ctx.db,
    async (tx) => {
      const txCtx = withDb({ ...ctx, actor }, tx);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`service-period:${correction.periodId}`}))`;
      const loaded = await loadUnitServicePeriod(txCtx, correction.periodId);
      assertCorrectionApplies(loaded, correction, today);
      const { period, unit } = loaded;

      const outdated = await applyServicePeriodCorrection(txCtx, tx, {
        periodId: period.id,
        correction,
        today,
      });
      const accepted = await acceptSignedDocument(
        { db: tx, now: ctx.now },
        {
          kind: "SERVICE_PERIOD_CORRECTION",
          content: servicePeriodCorrectionDocument(
            loaded,
            correction,
            outdated.map((row) => row.number),
            nonce,
          ),
          signature,
          signer: { role: "UNIT_STAFF_OFFICER", unitId: actor.unitId, rnokpp: actor.rnokpp },
          nonce: { value: nonce, purpose: SERVICE_PERIOD_CORRECTION_NONCE_PURPOSE },
        },
      );
      const who = { rnokpp: actor.rnokpp, role: actor.role };
      await writeAudit(tx, {
        actor: who,
        action: "servicePeriod.correct",
        entityType: "ServicePeriod",
        entityId: period.id,
        signedDocumentId: accepted.id,
        details: {
          rnokpp: correction.rnokpp,
          unitCode: unit.code,
          before: { fromDate: period.fromDate, untilDate: period.untilDate, position: period.position },
          after: { fromDate: correction.fromDate, untilDate: correction.untilDate, position: correction.position },
          reason: correction.reason,
        },
      });

      if (outdated.length === 0) return { revoked: [] };
      const reason = `Період служби у в/ч ${unit.code} виправлено: ${correction.reason}`;
      await tx.stateCertificate.updateMany({
        where: { id: { in: outdated.map((row) => row.id) } },
        data: { revokedAt: ctx.now, revocationReason: reason },
      });
      for (const row of outdated) {
        await writeAudit(tx, {
          actor: who,
          action: "certificate.revoke",
          entityType: "StateCertificate",
          entityId: row.id,
          signedDocumentId: accepted.id,
          details: { number: row.number, reason },
        });
      }
      await notify(tx, [
        {
          recipientRnokpp: correction.rnokpp,
          audience: "me",
          kind: "certificate.revoked",
          title: "Довідку про участь у військовій службі відкликано",
          body: `${reason}. Довідка № ${outdated.map((row) => row.number).join(", ")} більше не чинна; замовте нову в розділі «Довідки».`,
          link: "/me/certificates",
        },
      ]);
      return { revoked: outdated.map((row) => row.number) };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
