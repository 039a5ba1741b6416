// The term of a critical-status decision: made on or before today, in force from no earlier
// than it was made, at most 12 months long (status is re-confirmed at least annually), and
// still in force today once a ruleset's cap is applied (Resolution 692: decisions made before
// 30.05.2026 end no later than 01.09.2026). Pure: the form checks as the official types, the
// server checks again.
import { formatDate } from "@/lib/format";
import { addDays, addMonths, isIsoDate, type IsoDate } from "./calendar";
import { effectiveDecisionEnd } from "./enterprise-standing";
import type { DecisionCap, Ruleset } from "./rulesets";

/** Status is re-confirmed at least annually: no decision runs longer than this. */
export const DECISION_MAX_TERM_MONTHS = 12;

export type TermField = "decidedOn" | "validFrom" | "validUntil";

export type TermCheck = {
  problems: Partial<Record<TermField, string>>;
  /** The last day the decision is in force after any cap; null while the dates are incomplete. */
  effectiveUntil: IsoDate | null;
  /** The cap that shortens this decision, if one does. */
  cap: DecisionCap | null;
  /** The latest end the 12-month rule allows for this start. */
  latestUntil: IsoDate | null;
};

/** The last day of a term of `months` starting on `from`: the day before the anniversary. */
export function lastDayOfTerm(from: IsoDate, months = DECISION_MAX_TERM_MONTHS): IsoDate {
  return addDays(addMonths(from, months), -1);
}

/** The cap of `ruleset` that ends a decision made on `decidedOn` before `validUntil`, if any. */
export function capFor(decidedOn: IsoDate, validUntil: IsoDate, ruleset: Ruleset): DecisionCap | null {
  let found: DecisionCap | null = null;
  for (const cap of ruleset.decisionCaps) {
    if (
      decidedOn < cap.decidedBefore &&
      cap.endsNoLaterThan < validUntil &&
      (!found || cap.endsNoLaterThan < found.endsNoLaterThan)
    )
      found = cap;
  }
  return found;
}

/** `ruleset` is the one in force today: caps apply to decisions already made. */
export function checkDecisionTerms(input: {
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  today: IsoDate;
  ruleset: Ruleset;
}): TermCheck {
  const { decidedOn, validFrom, validUntil, today, ruleset } = input;
  const problems: TermCheck["problems"] = {};
  if (!isIsoDate(decidedOn)) problems.decidedOn = "Вкажіть дату рішення";
  else if (decidedOn > today) problems.decidedOn = "Дата рішення не може бути пізнішою за сьогоднішню";
  if (!isIsoDate(validFrom)) problems.validFrom = "Вкажіть дату, з якої рішення діє";
  if (!isIsoDate(validUntil)) problems.validUntil = "Вкажіть дату, до якої рішення діє";
  if (!isIsoDate(decidedOn) || !isIsoDate(validFrom) || !isIsoDate(validUntil)) {
    return {
      problems,
      effectiveUntil: null,
      cap: null,
      latestUntil: isIsoDate(validFrom) ? lastDayOfTerm(validFrom) : null,
    };
  }

  const latestUntil = lastDayOfTerm(validFrom);
  if (validFrom < decidedOn) problems.validFrom = "Рішення не може діяти раніше, ніж його ухвалено";
  if (validUntil < validFrom) problems.validUntil = "Дата закінчення не може бути раніше дати початку";
  else if (validUntil > latestUntil) {
    problems.validUntil = `Строк дії рішення — не більше ${DECISION_MAX_TERM_MONTHS} місяців: не пізніше ${formatDate(latestUntil)}`;
  }

  const cap = capFor(decidedOn, validUntil, ruleset);
  const effectiveUntil = effectiveDecisionEnd(
    {
      status: "ACTIVE",
      decidedOn,
      validFrom,
      validUntil,
      limitCategory: "DEFAULT_50",
      limitCount: 0,
      criteria: [],
      salaryExemption: null,
    },
    ruleset,
  );
  if (!problems.validUntil && effectiveUntil < today) {
    problems.validUntil = cap
      ? `${cap.basis}: рішення, ухвалене до ${formatDate(cap.decidedBefore)}, діє не довше ${formatDate(cap.endsNoLaterThan)}, тож його строк уже минув`
      : "Строк дії рішення вже минув";
  }
  return { problems, effectiveUntil, cap, latestUntil };
}
