import "server-only";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { toIsoDate, type DecisionFacts, type IsoDate, type LimitCategory } from "@/lib/rules";
import { kyivDate } from "@/lib/format";

// The enterprise's critical-status decision as the rules see it: the one in force on the day
// (active, or revoked with effect only later), else the latest one — so a refusal can say
// when the last decision ended. Whether it still holds (its end, Resolution 692's cap, the
// grace after expiry) is the rules engine's judgement, not this query's.

export type EnterpriseDecision = {
  id: string;
  number: string;
  authorityName: string;
  decidedOn: IsoDate;
  facts: DecisionFacts;
  /** What the cabinet shows beside the facts (the limit's base, a revocation's reason). */
  limitPercent: number;
  militaryLiableCount: number;
  revocationReason: string | null;
};

const SELECT = {
  id: true,
  number: true,
  decidedOn: true,
  validFrom: true,
  validUntil: true,
  status: true,
  revokedAt: true,
  limitCategory: true,
  limitCount: true,
  criteria: true,
  salaryExemption: true,
  createdAt: true,
  limitPercent: true,
  militaryLiableCount: true,
  revocationReason: true,
  authority: { select: { name: true } },
} as const;

export async function findEnterpriseDecision(
  ctx: Ctx<"db">,
  input: { edrpou: string; date: IsoDate },
): Promise<EnterpriseDecision | null> {
  const { db: client } = ctx;
  const { edrpou, date } = input;
  const rows = await client.criticalDecision.findMany({ where: { edrpou }, select: SELECT });
  if (rows.length === 0) return null;
  const decisions = rows.map((row) => ({
    row,
    facts: {
      status: row.status,
      decidedOn: toIsoDate(row.decidedOn),
      validFrom: toIsoDate(row.validFrom),
      validUntil: toIsoDate(row.validUntil),
      revokedOn: row.revokedAt ? kyivDate(row.revokedAt) : null,
      limitCategory: row.limitCategory as LimitCategory,
      limitCount: row.limitCount,
      criteria: row.criteria,
      salaryExemption: row.salaryExemption,
    } satisfies DecisionFacts,
  }));
  const latestFirst = (a: (typeof decisions)[number], b: (typeof decisions)[number]) =>
    b.facts.validFrom.localeCompare(a.facts.validFrom) ||
    b.facts.decidedOn.localeCompare(a.facts.decidedOn) ||
    b.row.createdAt.getTime() - a.row.createdAt.getTime();
  const started = decisions.filter((d) => d.facts.validFrom <= date).sort(latestFirst);
  const inForce = started.find(
    (d) => d.facts.status === "ACTIVE" || (d.facts.revokedOn !== null && d.facts.revokedOn > date),
  );
  const chosen = inForce ?? started[0] ?? [...decisions].sort(latestFirst)[0]!;
  return {
    id: chosen.row.id,
    number: chosen.row.number,
    authorityName: chosen.row.authority.name,
    decidedOn: chosen.facts.decidedOn,
    facts: chosen.facts,
    limitPercent: chosen.row.limitPercent,
    militaryLiableCount: chosen.row.militaryLiableCount,
    revocationReason: chosen.row.revocationReason,
  };
}

/**
 * Serialises everything that counts against one enterprise's limit — its applications'
 * decisions, annulments, the daily checks, a ministry's revocation or limit change — on the
 * rows of its decisions. Taken first in the transaction, before the facts are read, so each
 * holder sees what the previous one committed. In a fixed order, so two holders never deadlock.
 */
export async function lockEnterpriseDecisions(tx: DbTx, edrpou: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM critical_decisions WHERE edrpou = ${edrpou} ORDER BY id FOR UPDATE`;
}
