// Every condition of the spec's table for one employee, except the limit (which depends on
// the order of the list and is applied by decideApplication). All conditions are checked, so
// the head sees every reason at once; a condition that cannot be evaluated (no registry
// record, hence no status or age) is not reported as failed — NOT_IN_REGISTRY already is.
import type { Kopiykas } from "@/lib/format";
import { addDays, addMonths, addYears, daysBetween, minDate, type IsoDate } from "./calendar";
import { employmentOn } from "./employment";
import type { EnterpriseStanding } from "./enterprise-standing";
import { exception45Blockers, onlyWaivableReasons } from "./exception-45";
import type { EmployeeFacts } from "./facts";
import type { Exception45Outcome, Reason, ReservationTerm, TermEnd } from "./outcomes";
import type { Ruleset } from "./rulesets";

export type EmployeeContext = { date: IsoDate; edrpou: string; ruleset: Ruleset; standing: EnterpriseStanding };

export type EmployeeAssessment = {
  reasons: Reason[];
  exception45: Exception45Outcome | null;
  /** End of the current reservation here when this submission extends it. */
  extends: IsoDate | null;
  term: ReservationTerm | null;
  countedSalary: Kopiykas | null;
};

const NOT_ON_REGISTER = new Set(["REMOVED", "EXCLUDED", "NOT_REGISTERED"]);

export function assessEmployee(employee: EmployeeFacts, ctx: EmployeeContext): EmployeeAssessment {
  const { date, ruleset, standing } = ctx;
  const reasons: Reason[] = [];
  const registry = employee.registry;

  // Registry privacy: an enterprise learns nothing about someone who is not its employee (not
  // employed there on the date, suspended included, and holding no reservation there) — not
  // whether the registry knows them, nor their status, nor whether someone else reserved them.
  if (!isEmployeeHere(employee, ctx)) {
    return {
      reasons: [{ code: "NOT_AN_EMPLOYEE", params: {} }],
      exception45: null,
      extends: null,
      term: null,
      countedSalary: null,
    };
  }

  if (!standing.critical)
    reasons.push({ code: "ENTERPRISE_NOT_CRITICAL", params: { decisionEnd: standing.decisionEnd } });

  // Nothing in Оберіг: every other personal condition would be a guess (e.g. NOT_EMPLOYED for a
  // person whose employment the registry simply does not hold), so this is the one reason.
  if (!registry) {
    reasons.push({ code: "NOT_IN_REGISTRY", params: {} });
    return { reasons, exception45: null, extends: null, term: null, countedSalary: null };
  }
  {
    if (registry.liability !== "LIABLE" || NOT_ON_REGISTER.has(registry.registrationStatus)) {
      reasons.push({
        code: "NOT_MILITARY_LIABLE",
        params: { registrationStatus: registry.registrationStatus, liability: registry.liability },
      });
    }
    // Уточнення (Law 3633-IX) concerns persons on the register: someone removed, excluded or
    // never registered has no military data to update, and "not military-liable" says it all.
    const updated =
      registry.registrationStatus !== "BEING_CLARIFIED" &&
      registry.dataUpdatedOn !== null &&
      registry.dataUpdatedOn >= ruleset.dataUpdateRequiredSince &&
      registry.dataUpdatedOn <= date;
    if (!updated && !NOT_ON_REGISTER.has(registry.registrationStatus))
      reasons.push({ code: "DATA_NOT_UPDATED", params: {} });
    if (registry.wanted || registry.wantedCriminal || registry.registrationStatus === "WANTED")
      reasons.push({ code: "WANTED", params: {} });
  }

  const employment = employmentOn(employee.employments, date);
  if (!employment.employed || employment.suspended) {
    reasons.push({ code: "NOT_EMPLOYED", params: { suspended: employment.employed && employment.suspended } });
  }

  // The lower of the registry's and the head's figure counts: typing a number must never lift
  // an employee over the threshold, while a head may state a lower, more recent salary.
  const registrySalary = employment.employed ? employment.record.salary : null;
  const known = [registrySalary, employee.confirmedSalary].filter((s): s is Kopiykas => s !== null);
  const countedSalary = known.length > 0 ? Math.min(...known) : null;
  if (countedSalary !== null && standing.salaryExemption === null && countedSalary < standing.salaryThreshold) {
    reasons.push({
      code: "SALARY_BELOW_THRESHOLD",
      params: { threshold: standing.salaryThreshold, salary: countedSalary },
    });
  }

  // Marks that ended before today are stale (the expiry job has not run yet) and are ignored.
  const current = employee.reservations.filter((r) => r.until >= date);
  if (current.some((r) => r.edrpou !== ctx.edrpou)) reasons.push({ code: "RESERVED_ELSEWHERE", params: {} });
  const hereUntil = current
    .filter((r) => r.edrpou === ctx.edrpou)
    .reduce<IsoDate | null>((a, r) => (a === null || r.until > a ? r.until : a), null);
  let extendsUntil: IsoDate | null = null;
  if (hereUntil !== null) {
    if (daysBetween(date, hereUntil) <= ruleset.extensionWindowDays) extendsUntil = hereUntil;
    else reasons.push({ code: "ALREADY_RESERVED", params: { until: hereUntil } });
  }

  const limitReachedOn = registry ? addYears(registry.birthDate, ruleset.ageLimit) : null;
  if (limitReachedOn !== null && date >= limitReachedOn) {
    reasons.push({ code: "AGE_OVER_LIMIT", params: { ageLimit: ruleset.ageLimit, limitReachedOn } });
  }

  let exception45: Exception45Outcome | null = null;
  if (onlyWaivableReasons(reasons) && employment.employed) {
    const blockers = exception45Blockers({
      date,
      ruleset,
      employerAllowed: standing.exception45Allowed,
      employee,
      reasons,
      hiredOn: employment.hiredOn,
    });
    exception45 = blockers.length === 0 ? { applied: true, waived: reasons.splice(0) } : { applied: false, blockers };
  }

  let term: ReservationTerm | null = null;
  if (reasons.length === 0) {
    // An extension replaces the current reservation from the date of the decision: no gap, and
    // the registry keeps one active reservation per person. It must reach beyond the current end.
    const planned = planTerm({
      from: date,
      ruleset,
      exception: exception45?.applied === true,
      decisionEnd: standing.decisionEnd,
      limitReachedOn,
    });
    const reachesFurther = extendsUntil === null ? planned.until >= date : planned.until > extendsUntil;
    if (reachesFurther) term = planned;
    else if (planned.endsBy === "AGE_LIMIT")
      reasons.push({ code: "AGE_OVER_LIMIT", params: { ageLimit: ruleset.ageLimit, limitReachedOn: limitReachedOn! } });
    // Otherwise the decision ends no later than the current reservation: the current term is all there is.
    else reasons.push({ code: "ALREADY_RESERVED", params: { until: extendsUntil! } });
  }

  return { reasons, exception45, extends: extendsUntil, term, countedSalary };
}

/** Employed at the enterprise on the date (a suspended contract counts) or reserved there now. */
export function isEmployeeHere(
  employee: Pick<EmployeeFacts, "employments" | "reservations">,
  ctx: Pick<EmployeeContext, "date" | "edrpou">,
): boolean {
  if (employmentOn(employee.employments, ctx.date).employed) return true;
  return employee.reservations.some((r) => r.edrpou === ctx.edrpou && r.until >= ctx.date);
}

/**
 * The longest term the rules allow from `from`: 12 months (45 days under the exception),
 * never past the decision's end, and never past the day before the person turns 60 — from
 * then they leave the reserve and a reservation would mean nothing.
 */
function planTerm(input: {
  from: IsoDate;
  ruleset: Ruleset;
  exception: boolean;
  decisionEnd: IsoDate | null;
  limitReachedOn: IsoDate | null;
}): ReservationTerm {
  const { from, ruleset } = input;
  const natural =
    input.exception && ruleset.exception45
      ? addDays(from, ruleset.exception45.termDays - 1)
      : addDays(addMonths(from, ruleset.maxTermMonths), -1);
  const caps: [IsoDate, TermEnd][] = [[natural, input.exception ? "EXCEPTION_TERM" : "MAX_TERM"]];
  if (input.decisionEnd !== null) caps.push([input.decisionEnd, "DECISION_END"]);
  if (input.limitReachedOn !== null) caps.push([addDays(input.limitReachedOn, -1), "AGE_LIMIT"]);
  const until = minDate(natural, ...caps.map(([d]) => d));
  const endsBy = caps.find(([d]) => d === until)![1];
  return { from, until, endsBy };
}
