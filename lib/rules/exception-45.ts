// The 45-day exception (Law 4630-IX, from 04.12.2025): a defence employer may reserve a new
// employee whose military data are not updated or who is wanted by a ТЦК — except under
// Criminal Code arts. 336/337 — for up to 45 days, once a year, if employment began no more
// than 45 days before the application. It lifts only those two conditions; all others hold.
import { addMonths, daysBetween, type IsoDate } from "./calendar";
import type { EmployeeFacts } from "./facts";
import type { Exception45Blocker, Reason, ReasonCode } from "./outcomes";
import type { Ruleset } from "./rulesets";

const WAIVABLE: ReadonlySet<ReasonCode> = new Set(["DATA_NOT_UPDATED", "WANTED"]);

/** Whether the exception is worth evaluating: the only failures are ones it can lift. */
export function onlyWaivableReasons(reasons: readonly Reason[]): boolean {
  return reasons.length > 0 && reasons.every((r) => WAIVABLE.has(r.code));
}

export function exception45Blockers(input: {
  date: IsoDate;
  ruleset: Ruleset;
  employerAllowed: boolean;
  employee: EmployeeFacts;
  reasons: readonly Reason[];
  hiredOn: IsoDate;
}): Exception45Blocker[] {
  const rules = input.ruleset.exception45;
  if (!rules) return ["NOT_IN_FORCE"];
  const blockers: Exception45Blocker[] = [];
  if (!input.employerAllowed) blockers.push("EMPLOYER_NOT_ELIGIBLE");
  if (input.reasons.some((r) => r.code === "WANTED") && input.employee.registry?.wantedCriminal)
    blockers.push("WANTED_CRIMINAL");
  // Day 45 after hiring still qualifies; day 46 does not.
  if (daysBetween(input.hiredOn, input.date) > rules.hiredWithinDays) blockers.push("HIRED_TOO_LONG_AGO");
  const last = input.employee.lastException45On;
  if (last !== null && input.date < addMonths(last, rules.onceInMonths)) blockers.push("USED_WITHIN_YEAR");
  return blockers;
}
