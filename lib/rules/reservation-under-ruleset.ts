// Would an active reservation still be allowed under another ruleset? The what-if before a
// methodologist signs re-decides every active reservation with the rules the engine applies
// when it reserves — the enterprise's standing (its criteria, salary exemption, frontline
// threshold, the 45-day exception's employers, the decision caps) and the term the engine
// would plan (the maximum term, the exception's term, the day before the age limit). The limit
// is the enterprise's, not the person's: it is counted per enterprise by the caller.
import { addDays, addMonths, addYears, type IsoDate } from "./calendar";
import { checkDecisionCriteria } from "./criteria";
import { assessEnterprise } from "./enterprise-standing";
import type { DecisionFacts, EnterpriseFacts } from "./facts";
import type { Ruleset } from "./rulesets";

/** Why a reservation would no longer be allowed, in the order the what-if reports them. */
export const WHAT_IF_REASONS = ["SALARY", "CRITERIA", "AGE", "TERM", "EXCEPTION45", "DECISION_CAP"] as const;
export type WhatIfReason = (typeof WHAT_IF_REASONS)[number];

export const WHAT_IF_REASON_LABELS: Record<WhatIfReason | "LIMIT", string> = {
  SALARY: "Заробітна плата нижче нового порогу",
  CRITERIA: "Рішення про критичність не відповідає новим критеріям",
  AGE: "Бронювання триває після досягнення нового граничного віку",
  TERM: "Строк бронювання довший за новий максимальний",
  EXCEPTION45: "Виняток на 45 днів більше не дозволяє такого бронювання",
  DECISION_CAP: "Рішення про критичність закінчується раніше (нове обмеження строку)",
  LIMIT: "Понад новий ліміт підприємства",
};

export type ReservationWhatIfFacts = {
  fromDate: IsoDate;
  untilDate: IsoDate;
  exception45: boolean;
  /** The registry's birth date; null when the registry does not know the person. */
  birthDate: IsoDate | null;
  /** The highest salary of the person's current employments there, kopiykas; null when none. */
  salary: number | null;
};

export type EnterpriseWhatIfFacts = {
  enterprise: Pick<EnterpriseFacts, "frontline" | "ownership" | "stateShare" | "diiaCity">;
  /** The decision in force; null for marks another channel made for an enterprise without one here. */
  decision: DecisionFacts | null;
};

/** What the enterprise's standing under a ruleset decides for all of its reservations: computed once per enterprise. */
export type EnterpriseUnderRuleset = {
  criteriaMet: boolean;
  salaryExempt: boolean;
  salaryThreshold: number;
  exception45Allowed: boolean;
  decisionEnd: IsoDate | null;
};

export function enterpriseUnderRuleset(facts: EnterpriseWhatIfFacts, ruleset: Ruleset): EnterpriseUnderRuleset {
  const standing = assessEnterprise({
    // The what-if asks about the rules, not the day: the decision's dates are judged by its end.
    date: facts.decision?.validFrom ?? "1970-01-01",
    enterprise: { ...facts.enterprise, liquidatedOn: null },
    decision: facts.decision,
    ruleset,
  });
  const criteriaMet = facts.decision
    ? checkDecisionCriteria({
        criteria: facts.decision.criteria,
        salaryExemption: facts.decision.salaryExemption,
        ruleset,
        limitCategory: facts.decision.limitCategory,
      }).ok
    : true;
  return {
    criteriaMet,
    salaryExempt: standing.salaryExemption !== null,
    salaryThreshold: standing.salaryThreshold,
    exception45Allowed: standing.exception45Allowed,
    decisionEnd: facts.decision ? standing.decisionEnd : null,
  };
}

/** The reasons a reservation fails under a ruleset, given its enterprise's standing under it (the limit aside). */
export function reservationFailures(
  r: ReservationWhatIfFacts,
  e: EnterpriseUnderRuleset,
  ruleset: Ruleset,
): Set<WhatIfReason> {
  const failures = new Set<WhatIfReason>();
  if (!e.criteriaMet) failures.add("CRITERIA");
  if (!e.salaryExempt && r.salary !== null && r.salary < e.salaryThreshold) failures.add("SALARY");
  // The engine ends a term the day before the person reaches the age limit.
  if (r.birthDate !== null && r.untilDate >= addYears(r.birthDate, ruleset.ageLimit)) failures.add("AGE");
  if (r.exception45) {
    const rules = ruleset.exception45;
    if (!rules || !e.exception45Allowed || r.untilDate > addDays(r.fromDate, rules.termDays - 1))
      failures.add("EXCEPTION45");
  } else if (r.untilDate > addDays(addMonths(r.fromDate, ruleset.maxTermMonths), -1)) failures.add("TERM");
  if (e.decisionEnd !== null && r.untilDate > e.decisionEnd) failures.add("DECISION_CAP");
  return failures;
}

/** The reasons a reservation allowed under `current` would fail under `next`: what the change itself causes. */
export function newlyFailing(
  r: ReservationWhatIfFacts,
  under: { current: EnterpriseUnderRuleset; next: EnterpriseUnderRuleset },
  rulesets: { current: Ruleset; next: Ruleset },
): WhatIfReason[] {
  const before = reservationFailures(r, under.current, rulesets.current);
  const after = reservationFailures(r, under.next, rulesets.next);
  return WHAT_IF_REASONS.filter((reason) => after.has(reason) && !before.has(reason));
}
