import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { toIsoDate, type IsoDate, type LimitCategory } from "@/lib/rules";

// A decision of the acting authority, or "not found": the authority's id is part of every
// lookup, so an official never learns whether another authority's decision exists.

export type LoadedDecision = {
  id: string;
  edrpou: string;
  authorityId: string;
  number: string;
  status: "ACTIVE" | "REVOKED";
  decidedOn: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: LimitCategory;
  limitPercent: number;
  militaryLiableCount: number;
  headcount: number | null;
  limitCount: number;
  enterpriseName: string;
  headRnokpp: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadDecision(
  ctx: { db: DbClient },
  options: { authorityId: string; decisionId: string },
): Promise<LoadedDecision> {
  const tx = ctx.db;
  if (!UUID.test(options.decisionId)) throw AppError.notFound("Рішення");
  const row = await tx.criticalDecision.findFirst({
    where: { id: options.decisionId, authorityId: options.authorityId },
    select: {
      id: true,
      edrpou: true,
      authorityId: true,
      number: true,
      status: true,
      decidedOn: true,
      validFrom: true,
      validUntil: true,
      criteria: true,
      salaryExemption: true,
      limitCategory: true,
      limitPercent: true,
      militaryLiableCount: true,
      headcount: true,
      limitCount: true,
      enterprise: { select: { name: true, headRnokpp: true } },
    },
  });
  if (!row) throw AppError.notFound("Рішення");
  const { enterprise, decidedOn, validFrom, validUntil, ...rest } = row;
  return {
    ...rest,
    decidedOn: toIsoDate(decidedOn),
    validFrom: toIsoDate(validFrom),
    validUntil: toIsoDate(validUntil),
    enterpriseName: enterprise.name,
    headRnokpp: enterprise.headRnokpp,
  };
}
