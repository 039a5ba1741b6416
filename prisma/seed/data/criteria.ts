// Criterion codes, limit percentages, salary thresholds and Resolution 692's cap come from the
// rules engine (lib/rules), so that seeded decisions are ones the engine and the cabinets read
// the same way. Only the seed's short names for them live here.

import type { CriterionCode, SalaryExemptionCode } from "@/lib/rules/criteria";
import { LIMIT_CATEGORIES, type LimitCategory } from "@/lib/rules/enums";
import { limitRuleFor } from "@/lib/rules/limits";
import { RULESETS, rulesetFor, salaryThresholdFor, type LimitBase } from "@/lib/rules/rulesets";

export { LIMIT_CATEGORIES, type LimitCategory };

export const MANDATORY_CRITERIA = {
  AVERAGE_SALARY: "AVERAGE_SALARY",
  NO_TAX_ARREARS: "NO_TAX_ARREARS",
} as const satisfies Record<string, CriterionCode>;

export const ADDITIONAL_CRITERIA = {
  TAXES_OVER_EUR_1_5M: "TAXES_OVER_1_5M_EUR",
  FX_RECEIPTS_OVER_EUR_32M: "FX_RECEIPTS_OVER_32M_EUR",
  STRATEGIC_IMPORTANCE: "STRATEGIC",
  SECTOR_OR_REGIONAL_IMPORTANCE: "SECTORAL_OR_REGIONAL",
  DIIA_CITY_RESIDENT: "DIIA_CITY",
  DEFENCE_STATE_CONTRACT: "DEFENCE_CONTRACT",
  DEFENCE_INNOVATION_GRANT: "DEFENCE_INNOVATION_GRANT",
  ARMED_FORCES_SUPPLIER: "ARMED_FORCES_SUPPLY",
} as const satisfies Record<string, CriterionCode>;

export const SALARY_EXEMPTIONS = {
  STATE_OR_COMMUNAL: "STATE_OR_COMMUNAL",
  STATE_SHARE_OVER_50: "STATE_SHARE_OVER_50",
  DIIA_CITY_RESIDENT: "DIIA_CITY_RESIDENT",
  RELIGIOUS_ORGANISATION: "RELIGIOUS_ORGANISATION",
  ENERGY_WAR_DAMAGED: "ENERGY_WAR_DAMAGED",
} as const satisfies Record<string, SalaryExemptionCode>;

export type SalaryExemption = SalaryExemptionCode;

const EARLIEST_RULES = RULESETS[0]!.effectiveFrom;
const rulesOn = (day: string) => rulesetFor(day < EARLIEST_RULES ? EARLIEST_RULES : day);

export function limitOf(category: LimitCategory, day: string): { percent: number; base: LimitBase } {
  return limitRuleFor(category, rulesOn(day));
}

/** The salary threshold in UAH on a day. */
export function salaryThresholdOn(day: string, frontline: boolean): number {
  return salaryThresholdFor(rulesOn(day), frontline).threshold / 100;
}

/** Every cap on decision ends the rules know (Resolution 692: made before 30.05.2026 → ends by 01.09.2026). */
const DECISION_CAPS = [
  ...new Map(
    RULESETS.flatMap((ruleset) => ruleset.decisionCaps).map((cap) => [
      `${cap.decidedBefore}:${cap.endsNoLaterThan}`,
      cap,
    ]),
  ).values(),
];

export function capDecisionEnd(decidedOn: string, naturalEnd: string): string {
  let end = naturalEnd;
  for (const cap of DECISION_CAPS)
    if (decidedOn < cap.decidedBefore && end > cap.endsNoLaterThan) end = cap.endsNoLaterThan;
  return end;
}
