// An enterprise may file an annulment application at most once per N calendar days (5 from
// 01.02.2026, when Resolution 1608's temporary lifting ended). The rule in force on the day of
// the new filing decides, whatever the rule was when the previous one was filed.
import { addDays, assertIsoDate, type IsoDate } from "./calendar";
import type { Ruleset } from "./rulesets";

export type AnnulmentSpacing =
  { allowed: true } | { allowed: false; spacingDays: number; lastFiledOn: IsoDate; possibleFrom: IsoDate };

export function checkAnnulmentSpacing(input: {
  date: IsoDate;
  lastFiledOn: IsoDate | null;
  ruleset: Ruleset;
}): AnnulmentSpacing {
  assertIsoDate(input.date, "date");
  const days = input.ruleset.annulmentSpacingDays;
  if (days === null || input.lastFiledOn === null) return { allowed: true };
  assertIsoDate(input.lastFiledOn, "lastFiledOn");
  // Filed on the 1st with 5 days: the 1st–5th are the window, the 6th is free again.
  const possibleFrom = addDays(input.lastFiledOn, days);
  return input.date >= possibleFrom
    ? { allowed: true }
    : { allowed: false, spacingDays: days, lastFiledOn: input.lastFiledOn, possibleFrom };
}
