import "server-only";
import type { Ctx } from "@/lib/context";
import type { Kopiykas } from "@/lib/format";
import type { EnterpriseRecord } from "@/lib/registry";
import { findEnterpriseDecision } from "@/lib/reservations/find-enterprise-decision";
import {
  assessEnterprise,
  criterionLabel,
  daysBetween,
  expiresSoon,
  isCriterionCode,
  LIMIT_CATEGORY_LABELS,
  rulesetFor,
  salaryExemptionLabel,
  isSalaryExemptionCode,
  type IsoDate,
  type NotCriticalCause,
} from "@/lib/rules";

// Where the enterprise stands today, in the words the overview needs: whether it is critical,
// under which decision (authority, number, criteria in words, term, days left), the limit and
// the military-liable base it was computed from. The judgement is the rules engine's own
// (assessEnterprise), so the cabinet never says "critical" when a submission would be refused.

export type CompanyDecision = {
  id: string;
  number: string;
  authorityName: string;
  decidedOn: IsoDate;
  validFrom: IsoDate;
  /** The last day in force (capped where a ruleset says so). */
  validUntil: IsoDate;
  revoked: { on: IsoDate | null; reason: string | null } | null;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: string;
  limitPercent: number;
  militaryLiableCount: number;
  limitCount: number;
};

export type CompanyStanding = {
  critical: boolean;
  cause: NotCriticalCause | null;
  decision: CompanyDecision | null;
  /** Days from today to the last day in force (0 on the last day); null when not critical. */
  daysLeft: number | null;
  expiresSoon: boolean;
  /** The salary an employee must earn today; null when the enterprise is exempt. */
  salaryThreshold: Kopiykas | null;
};

export async function loadEnterpriseStanding(
  ctx: Ctx<"db">,
  input: { enterprise: EnterpriseRecord; date: IsoDate },
): Promise<CompanyStanding> {
  const { enterprise, date } = input;
  const found = await findEnterpriseDecision(ctx, { edrpou: enterprise.edrpou, date });
  const ruleset = rulesetFor(date);
  const standing = assessEnterprise({
    date,
    enterprise: { ...enterprise, liquidatedOn: enterprise.liquidatedOn },
    decision: found?.facts ?? null,
    ruleset,
  });
  const salaryThreshold = standing.salaryExemption ? null : standing.salaryThreshold;
  if (!found)
    return {
      critical: standing.critical,
      cause: standing.cause,
      decision: null,
      daysLeft: null,
      expiresSoon: false,
      salaryThreshold,
    };

  const validUntil = standing.decisionEnd ?? found.facts.validUntil;
  const daysLeft = standing.critical ? daysBetween(date, validUntil) : null;
  return {
    critical: standing.critical,
    cause: standing.cause,
    daysLeft,
    expiresSoon: daysLeft !== null && expiresSoon(daysLeft),
    salaryThreshold,
    decision: {
      id: found.id,
      number: found.number,
      authorityName: found.authorityName,
      decidedOn: found.decidedOn,
      validFrom: found.facts.validFrom,
      validUntil,
      revoked:
        found.facts.status === "REVOKED" ? { on: found.facts.revokedOn ?? null, reason: found.revocationReason } : null,
      criteria: found.facts.criteria.map((code) => (isCriterionCode(code) ? criterionLabel(code) : code)),
      salaryExemption:
        found.facts.salaryExemption && isSalaryExemptionCode(found.facts.salaryExemption)
          ? salaryExemptionLabel(found.facts.salaryExemption)
          : null,
      limitCategory: LIMIT_CATEGORY_LABELS[found.facts.limitCategory],
      limitPercent: found.limitPercent,
      militaryLiableCount: found.militaryLiableCount,
      limitCount: found.facts.limitCount,
    },
  };
}
