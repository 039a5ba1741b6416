import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { withDb } from "@/lib/context-server";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { hashCertificateFacts } from "./certificate-facts";
import { readCertificateFacts } from "./read-certificate-facts";
import { ZServicePeriodCorrection } from "./schemas";

/**
 * The unit's staff officer corrects a period of service the unit reported (dates, position).
 * In the same transaction every valid certificate of the person that states other facts than
 * the registry now holds is revoked with the reason, and the person is told: a public check then
 * says the certificate was revoked and why. Another unit's period is "not found".
 */
export async function correctServicePeriod(ctx: Ctx, input: unknown): Promise<{ revoked: string[] }> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const correction = parseInput(ZServicePeriodCorrection, input);
  const today = kyivDate(ctx.now);

  return inTransaction(ctx.db, async (tx) => {
    const txCtx = withDb({ ...ctx, actor }, tx);
    const unit = await tx.militaryUnit.findUnique({ where: { id: actor.unitId }, select: { code: true } });
    const period = (await txCtx.registry.findServicePeriods(correction.rnokpp)).find(
      (candidate) => candidate.id === correction.periodId,
    );
    if (!unit || !period || period.unitCode !== unit.code)
      throw new AppError("NOT_FOUND", "Період служби не знайдено серед періодів вашої частини");
    if (correction.fromDate > today || (correction.untilDate !== null && correction.untilDate > today)) {
      throw new AppError("VALIDATION_FAILED", "Період служби не може закінчуватися в майбутньому", {
        fields: { untilDate: "Дата ще не настала" },
      });
    }

    await txCtx.registry.correctServicePeriod(tx, period.id, {
      fromDate: correction.fromDate,
      untilDate: correction.untilDate,
      position: correction.position,
    });
    const who = { rnokpp: actor.rnokpp, role: actor.role };
    await writeAudit(tx, {
      actor: who,
      action: "servicePeriod.correct",
      entityType: "ServicePeriod",
      entityId: period.id,
      details: {
        rnokpp: correction.rnokpp,
        unitCode: unit.code,
        before: { fromDate: period.fromDate, untilDate: period.untilDate, position: period.position },
        after: { fromDate: correction.fromDate, untilDate: correction.untilDate, position: correction.position },
        reason: correction.reason,
      },
    });

    const current = await readCertificateFacts(txCtx, {
      rnokpp: correction.rnokpp,
      kind: "SERVICE_PARTICIPATION",
      today,
    });
    const currentHash = current.facts ? hashCertificateFacts(current.facts) : null;
    const outdated = await tx.stateCertificate.findMany({
      where: {
        rnokpp: correction.rnokpp,
        kind: "SERVICE_PARTICIPATION",
        revokedAt: null,
        ...(currentHash ? { factsHash: { not: currentHash } } : {}),
      },
      select: { id: true, number: true },
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
  });
}
