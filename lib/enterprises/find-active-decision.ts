import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { isoDateToUtc, rulesetFor, toIsoDate, type IsoDate } from "@/lib/rules";
import { decisionStateOn } from "./decision-state";

// The decision in force for an enterprise today, or one already made that starts later: either
// blocks a new decision, whichever authority made it. One enterprise, one current decision —
// otherwise two limits would apply to the same employees.

export type ActiveDecision = {
  id: string;
  authorityId: string;
  authorityShortName: string;
  number: string;
  decidedOn: IsoDate;
  effectiveUntil: IsoDate;
};

export async function findActiveDecision(
  ctx: { db: DbClient },
  options: { edrpou: string; today: IsoDate; excludeId?: string },
): Promise<ActiveDecision | null> {
  const tx = ctx.db;
  const ruleset = rulesetFor(options.today);
  const candidates = await tx.criticalDecision.findMany({
    where: {
      edrpou: options.edrpou,
      status: "ACTIVE",
      validUntil: { gte: isoDateToUtc(options.today) },
      ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
    },
    orderBy: { validFrom: "asc" },
    select: {
      id: true,
      authorityId: true,
      number: true,
      status: true,
      decidedOn: true,
      validFrom: true,
      validUntil: true,
      authority: { select: { shortName: true } },
    },
  });
  for (const d of candidates) {
    const dates = {
      status: d.status,
      decidedOn: toIsoDate(d.decidedOn),
      validFrom: toIsoDate(d.validFrom),
      validUntil: toIsoDate(d.validUntil),
    };
    const { state, effectiveUntil } = decisionStateOn(dates, options.today, ruleset);
    if (state === "ACTIVE" || state === "PENDING") {
      return {
        id: d.id,
        authorityId: d.authorityId,
        authorityShortName: d.authority.shortName,
        number: d.number,
        decidedOn: dates.decidedOn,
        effectiveUntil,
      };
    }
  }
  return null;
}
