// Where an enterprise stands on a date under a ruleset: is it critical, until when, which
// salary threshold its employees meet, and whether it may use the 45-day exception.
import { AppError } from "@/lib/errors";
import type { Kopiykas } from "@/lib/format";
import { minDate, type IsoDate } from "./calendar";
import { isSalaryExemptionCode, type SalaryExemptionCode } from "./criteria";
import type { DecisionFacts, EnterpriseFacts } from "./facts";
import { salaryThresholdFor, type Ruleset } from "./rulesets";

export type NotCriticalCause = "NO_DECISION" | "REVOKED" | "NOT_STARTED" | "EXPIRED" | "LIQUIDATED";

export type EnterpriseStanding = {
  critical: boolean;
  /** Why not, when not critical (the first cause found). */
  cause: NotCriticalCause | null;
  decisionEnd: IsoDate | null;
  frontline: boolean;
  salaryThreshold: Kopiykas;
  salaryExemption: SalaryExemptionCode | null;
  exception45Allowed: boolean;
};

/**
 * The last day a decision is in force: its own end, or earlier when a cap of the ruleset
 * applies (Resolution 692: decisions made before 30.05.2026 end no later than 01.09.2026).
 */
export function effectiveDecisionEnd(decision: DecisionFacts, ruleset: Ruleset): IsoDate {
  let end = decision.validUntil;
  for (const cap of ruleset.decisionCaps) {
    if (decision.decidedOn < cap.decidedBefore) end = minDate(end, cap.endsNoLaterThan);
  }
  return end;
}

export function assessEnterprise(input: {
  date: IsoDate;
  enterprise: Pick<EnterpriseFacts, "liquidatedOn"> & Partial<EnterpriseFacts>;
  decision: DecisionFacts | null;
  ruleset: Ruleset;
}): EnterpriseStanding {
  const { date, enterprise, decision, ruleset } = input;
  const decisionEnd = decision ? effectiveDecisionEnd(decision, ruleset) : null;
  let cause: NotCriticalCause | null = null;
  if (enterprise.liquidatedOn !== null && enterprise.liquidatedOn <= date) cause = "LIQUIDATED";
  else if (!decision) cause = "NO_DECISION";
  else if (isRevokedOn(decision, date)) cause = "REVOKED";
  else if (decision.validFrom > date) cause = "NOT_STARTED";
  else if (decisionEnd! < date) cause = "EXPIRED";

  // An enterprise whose limit category is the frontline one is on a frontline territory by definition.
  const frontline = enterprise.frontline === true || decision?.limitCategory === "FRONTLINE_100";
  return {
    critical: cause === null,
    cause,
    decisionEnd,
    frontline,
    salaryThreshold: salaryThresholdFor(ruleset, frontline).threshold,
    salaryExemption: resolveSalaryExemption(enterprise, decision, ruleset),
    exception45Allowed: exception45Allowed(decision, ruleset),
  };
}

/**
 * The decision's stated exemption if the ruleset knows it; otherwise one that follows from the
 * registry's facts about the enterprise (state or communal ownership, a state share above 50 %,
 * a religious organisation, a Diia City resident) — the law exempts those whatever was ticked.
 */
export function resolveSalaryExemption(
  enterprise: Partial<EnterpriseFacts>,
  decision: DecisionFacts | null,
  ruleset: Ruleset,
): SalaryExemptionCode | null {
  const stated = decision?.salaryExemption ?? null;
  if (stated !== null) {
    if (!isSalaryExemptionCode(stated)) {
      throw new AppError(
        "RULES_INVALID_FACTS",
        `Невідома підстава звільнення від критерію заробітної плати: ${stated}`,
      );
    }
    if (ruleset.salaryExemptions.includes(stated)) return stated;
  }
  const derived: SalaryExemptionCode[] = [];
  if (enterprise.ownership === "STATE" || enterprise.ownership === "COMMUNAL") derived.push("STATE_OR_COMMUNAL");
  if ((enterprise.stateShare ?? 0) > 50) derived.push("STATE_SHARE_OVER_50");
  if (enterprise.ownership === "RELIGIOUS") derived.push("RELIGIOUS_ORGANISATION");
  if (enterprise.diiaCity === true) derived.push("DIIA_CITY_RESIDENT");
  return derived.find((code) => ruleset.salaryExemptions.includes(code)) ?? null;
}

/** Revoked, and the revocation has taken effect by the date (an unknown day counts as taken effect). */
export function isRevokedOn(decision: DecisionFacts, date: IsoDate): boolean {
  return (
    decision.status === "REVOKED" &&
    (decision.revokedOn === undefined || decision.revokedOn === null || decision.revokedOn <= date)
  );
}

function exception45Allowed(decision: DecisionFacts | null, ruleset: Ruleset): boolean {
  const rules = ruleset.exception45;
  if (!rules || !decision) return false;
  return (
    rules.limitCategories.includes(decision.limitCategory) ||
    decision.criteria.some((c) => (rules.criteria as readonly string[]).includes(c))
  );
}
