// Where a critical-status decision stands on a day. Only revocation is stored; "pending"
// (not yet in force) and "expired" follow from the dates, the end being capped where a
// ruleset says so (Resolution 692). Pure: the list, the detail page and the form share it.
import { effectiveDecisionEnd, type IsoDate, type Ruleset } from "@/lib/rules";

export const DECISION_STATES = ["ACTIVE", "PENDING", "EXPIRED", "REVOKED"] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

export const DECISION_STATE_LABELS: Record<DecisionState, string> = {
  ACTIVE: "Критичне",
  PENDING: "Ще не набрало чинності",
  EXPIRED: "Строк минув",
  REVOKED: "Скасовано",
};

export type DecisionDates = {
  status: "ACTIVE" | "REVOKED";
  decidedOn: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
};

export function decisionStateOn(
  decision: DecisionDates,
  today: IsoDate,
  ruleset: Ruleset,
): { state: DecisionState; effectiveUntil: IsoDate } {
  const effectiveUntil = effectiveDecisionEnd(
    { ...decision, limitCategory: "DEFAULT_50", limitCount: 0, criteria: [], salaryExemption: null },
    ruleset,
  );
  const state: DecisionState =
    decision.status === "REVOKED"
      ? "REVOKED"
      : decision.validFrom > today
        ? "PENDING"
        : effectiveUntil < today
          ? "EXPIRED"
          : "ACTIVE";
  return { state, effectiveUntil };
}

/** "Критичне до 01.09.2026" and the like, for a badge. */
export function decisionStateText(
  state: DecisionState,
  effectiveUntil: string,
  validFrom: string,
  format: (iso: string) => string,
): string {
  switch (state) {
    case "ACTIVE":
      return `Критичне до ${format(effectiveUntil)}`;
    case "PENDING":
      return `Чинне з ${format(validFrom)}`;
    case "EXPIRED":
      return `Строк минув ${format(effectiveUntil)}`;
    case "REVOKED":
      return "Скасовано";
  }
}
