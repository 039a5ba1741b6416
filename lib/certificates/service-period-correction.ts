import "server-only";
import type { StaffOfficerActor } from "@/lib/auth/roles";
import type { CtxAs } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canonicalJson } from "@/lib/kep/canonical-json";
import type { ServicePeriodRecord } from "@/lib/registry";
import { hashCertificateFacts } from "./certificate-facts";
import { readCertificateFacts } from "./read-certificate-facts";
import type { ServicePeriodCorrection } from "./schemas";

// The pieces the preview and the signed correction share, so that the preview lists exactly the
// certificates the correction revokes: the period scoped to the officer's unit, the correction's
// checks, its application with the certificates it outdates, and the document the officer signs.

export const SERVICE_PERIOD_CORRECTION_NONCE_PURPOSE = "service-period-correction";

export type UnitServicePeriod = {
  unit: { code: string; name: string };
  person: { rnokpp: string; fullName: string };
  period: ServicePeriodRecord;
};

/** A period the officer's unit reported; another unit's (or an unknown one) is "not found". */
export async function loadUnitServicePeriod(
  ctx: CtxAs<StaffOfficerActor, "db" | "registry">,
  periodId: string,
): Promise<UnitServicePeriod> {
  const [unit, period] = await Promise.all([
    ctx.db.militaryUnit.findUnique({ where: { id: ctx.actor.unitId }, select: { code: true, name: true } }),
    ctx.registry.findServicePeriod(periodId),
  ]);
  if (!unit || !period || period.unitCode !== unit.code)
    throw new AppError("NOT_FOUND", "Період служби не знайдено серед періодів вашої частини");
  const person = await ctx.registry.findPerson(period.rnokpp);
  return { unit, period, person: { rnokpp: period.rnokpp, fullName: person?.fullName ?? "—" } };
}

/** The correction's own checks beyond its schema: the person it names, no date in the future. */
export function assertCorrectionApplies(loaded: UnitServicePeriod, correction: ServicePeriodCorrection, today: string) {
  if (correction.rnokpp !== loaded.person.rnokpp)
    throw new AppError("NOT_FOUND", "Період служби не знайдено серед періодів вашої частини");
  if (correction.fromDate > today || (correction.untilDate !== null && correction.untilDate > today))
    throw new AppError("VALIDATION_FAILED", "Період служби не може закінчуватися в майбутньому", {
      fields: correction.fromDate > today ? { fromDate: "Дата ще не настала" } : { untilDate: "Дата ще не настала" },
    });
}

export type OutdatedCertificate = { id: string; number: string; issuedAt: Date };

/**
 * Writes the correction into Оберіг and returns the person's valid certificates of participation
 * that state other facts than the registry now holds. The caller decides whether to keep it.
 */
export async function applyServicePeriodCorrection(
  ctx: CtxAs<StaffOfficerActor, "registry">,
  tx: DbTx,
  input: { periodId: string; correction: ServicePeriodCorrection; today: string },
): Promise<OutdatedCertificate[]> {
  const { correction } = input;
  await ctx.registry.correctServicePeriod(tx, input.periodId, {
    fromDate: correction.fromDate,
    untilDate: correction.untilDate,
    position: correction.position,
  });
  const current = await readCertificateFacts(ctx, {
    rnokpp: correction.rnokpp,
    kind: "SERVICE_PARTICIPATION",
    today: input.today,
  });
  const currentHash = current.facts ? hashCertificateFacts(current.facts) : null;
  return tx.stateCertificate.findMany({
    where: {
      rnokpp: correction.rnokpp,
      kind: "SERVICE_PARTICIPATION",
      revokedAt: null,
      ...(currentHash ? { factsHash: { not: currentHash } } : {}),
    },
    orderBy: { issuedAt: "asc" },
    select: { id: true, number: true, issuedAt: true },
  });
}

/** The exact bytes the officer signs: the period before and after, the reason, what is revoked, a nonce. */
export function servicePeriodCorrectionDocument(
  loaded: UnitServicePeriod,
  correction: ServicePeriodCorrection,
  revokes: string[],
  nonce: string,
): Uint8Array {
  const { period } = loaded;
  return new TextEncoder().encode(
    canonicalJson({
      type: "bronya/service-period-correction",
      unit: loaded.unit,
      person: loaded.person,
      periodId: period.id,
      before: { position: period.position, fromDate: period.fromDate, untilDate: period.untilDate },
      after: { position: correction.position, fromDate: correction.fromDate, untilDate: correction.untilDate },
      reason: correction.reason,
      revokes,
      nonce,
    }),
  );
}
