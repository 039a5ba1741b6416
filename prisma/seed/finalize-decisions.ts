// Turns the decision plans into rows once the population is known: the number of
// military-liable employees a decision states is the enterprise's real base, the limit is
// derived from it, and each authority numbers its decisions in date order.

import type { EnterpriseCounters } from "./reservation-marks";
import type { CriticalPlan, DecisionDraft } from "./plan-decisions";
import { addDays } from "./dates";
import { limitOf } from "./data/criteria";
import type { AuthorityRow, DecisionEventRow, DecisionRow } from "./rows";
import type { Rng } from "./random";

export function finalizeDecisions(
  rng: Rng,
  options: {
    critical: Array<CriticalPlan | null>;
    authorities: AuthorityRow[];
    counters: EnterpriseCounters;
    today: string;
  },
): { decisions: DecisionRow[]; events: DecisionEventRow[] } {
  const authorityByCode = new Map(options.authorities.map((authority) => [authority.code, authority]));
  const drafts: Array<{ draft: DecisionDraft; plan: CriticalPlan }> = [];
  for (const plan of options.critical) if (plan) for (const draft of plan.drafts) drafts.push({ draft, plan });
  drafts.sort((a, b) => a.draft.decidedOn.localeCompare(b.draft.decidedOn) || a.draft.id.localeCompare(b.draft.id));

  const nextNumber = new Map<string, number>();
  const decisions: DecisionRow[] = [];
  const events: DecisionEventRow[] = [];
  for (const { draft, plan } of drafts) {
    const authority = authorityByCode.get(draft.authorityCode);
    if (!authority) throw new Error(`internal: no authority ${draft.authorityCode}`);
    const regional = authority.kind === "REGIONAL_ADMINISTRATION";
    const number =
      (nextNumber.get(authority.code) ?? (regional ? rng.int(40, 180) : rng.int(300, 900))) +
      rng.int(1, regional ? 9 : 25);
    nextNumber.set(authority.code, number);

    const e = plan.enterpriseIndex;
    const base = options.counters.base[e]!;
    const headcount = options.counters.headcount[e]!;
    const current = draft === plan.inForce;
    // Earlier decisions stated the base as it was then: close to today's, not equal.
    const militaryLiableCount = current ? base : Math.max(0, Math.round(base * (0.85 + rng.next() * 0.25)));
    const decisionHeadcount = current
      ? headcount
      : Math.max(militaryLiableCount, Math.round(headcount * (0.9 + rng.next() * 0.2)));
    const limit = limitOf(draft.limitCategory, draft.decidedOn);
    const limitCount = Math.floor(
      ((limit.base === "HEADCOUNT" ? decisionHeadcount : militaryLiableCount) * limit.percent) / 100,
    );

    decisions.push({
      id: draft.id,
      edrpou: draft.edrpou,
      authorityId: authority.id,
      number: regional ? `${number}-р` : String(number),
      decidedOn: draft.decidedOn,
      criteria: draft.criteria,
      salaryExemption: draft.salaryExemption,
      limitCategory: draft.limitCategory,
      limitPercent: draft.limitPercent,
      militaryLiableCount,
      headcount: decisionHeadcount,
      limitCount,
      validFrom: draft.validFrom,
      validUntil: draft.validUntil,
      status: draft.status,
      revokedAt: draft.revokedAt,
      revocationReason: draft.revocationReason,
    });
    events.push({
      id: rng.uuid(),
      decisionId: draft.id,
      kind: "GRANTED",
      reason: null,
      createdAt: `${draft.decidedOn}T${String(rng.int(7, 15)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00.000Z`,
    });
    if (draft.revokedAt)
      events.push({
        id: rng.uuid(),
        decisionId: draft.id,
        kind: "REVOKED",
        reason: draft.revocationReason,
        createdAt: draft.revokedAt,
      });
    else if (draft.validUntil < options.today)
      events.push({
        id: rng.uuid(),
        decisionId: draft.id,
        kind: "EXPIRED",
        reason: null,
        createdAt: `${addDays(draft.validUntil, 1)}T00:05:00.000Z`,
      });
  }
  return { decisions, events };
}
