// Reservation marks made outside the portal (source "diia"), so that the registry already
// holds reservations: active ones under decisions in force, never above the limit, and
// expired or annulled ones under decisions that ended. The portal's own Reservation rows stay
// empty: those need a signed application, which the portal creates itself.

import { limitOf, salaryThresholdOn } from "./data/criteria";
import { addDays, addMonths, addYears, daysBetween, maxDate, minDate } from "./dates";
import type { CriticalPlan } from "./plan-decisions";
import type { EmploymentRow, MarkRow, RegistrationRow, SexValue } from "./rows";
import type { Rng } from "./random";

export const MARK_SOURCE = "diia";
export const LOSS_OF_STATUS_GROUND = "Втрата підприємством статусу критично важливого";

/** Running counts per enterprise (indexed like the enterprise list). */
export type EnterpriseCounters = { headcount: Int32Array; base: Int32Array; marks: Int32Array };

export function createCounters(size: number): EnterpriseCounters {
  return { headcount: new Int32Array(size), base: new Int32Array(size), marks: new Int32Array(size) };
}

/** The limit base of the spec: military-liable men under 60 on the register (one workplace each). */
export function countsInBase(sex: SexValue, age: number, registration: RegistrationRow | null): boolean {
  if (sex !== "MALE" || age >= 60 || !registration || registration.liability !== "LIABLE") return false;
  return (
    registration.status === "ON_REGISTER" ||
    registration.status === "BEING_CLARIFIED" ||
    registration.status === "WANTED"
  );
}

/** A seed-side approximation of the spec's conditions, used only to pick whom Дія reserved. */
export function looksReservable(options: {
  age: number;
  registration: RegistrationRow | null;
  job: EmploymentRow;
  exempt: boolean;
  frontline: boolean;
  today: string;
}): boolean {
  const { registration: reg, job } = options;
  if (!reg || reg.liability !== "LIABLE" || reg.status !== "ON_REGISTER" || reg.dataUpdatedOn === null) return false;
  if (reg.wanted || reg.deferment !== null || options.age >= 60) return false;
  if (job.endDate !== null || job.suspended || !job.mainJob) return false;
  return options.exempt || job.salary >= salaryThresholdOn(options.today, options.frontline);
}

/**
 * Decides whether Дія reserved this employee and returns the mark. Counters must already
 * include the employee in headcount and base, so the limit is the one that would apply now.
 */
export function markFor(
  rng: Rng,
  options: {
    rnokpp: string;
    birthDate: string;
    edrpou: string;
    enterpriseIndex: number;
    plan: CriticalPlan;
    reservable: boolean;
    counters: EnterpriseCounters;
    today: string;
  },
): MarkRow | null {
  const { plan, counters, enterpriseIndex: e, today } = options;
  if (!options.reservable) return null;
  const decision = plan.inForce ?? plan.ended;
  if (!decision) return null;
  const capBase =
    limitOf(plan.category, decision.decidedOn).base === "HEADCOUNT" ? counters.headcount[e]! : counters.base[e]!;
  const cap = Math.floor((capBase * decision.limitPercent * plan.fill) / 100);
  if (counters.marks[e]! + 1 > cap || !rng.chance(plan.inForce || decision.revokedAt ? plan.reach : 0.3)) return null;
  counters.marks[e]!++;

  if (plan.inForce) {
    const earliest = maxDate(decision.validFrom, addDays(today, -330));
    const fromDate = addDays(earliest, rng.int(0, Math.max(0, daysBetween(earliest, addDays(today, -1)))));
    const untilDate = [
      addDays(addMonths(fromDate, 12), -1),
      decision.validUntil,
      lastDayBefore60(options.birthDate),
    ].reduce(minDate);
    return mark(rng, options, fromDate, untilDate, "ACTIVE", null, null);
  }
  const endedOn = decision.revokedAt ? decision.revokedAt.slice(0, 10) : decision.validUntil;
  const latestFrom = maxDate(decision.validFrom, addDays(endedOn, -30));
  const fromDate = addDays(decision.validFrom, rng.int(0, daysBetween(decision.validFrom, latestFrom)));
  const untilDate = [
    addDays(addMonths(fromDate, 12), -1),
    decision.validUntil,
    lastDayBefore60(options.birthDate),
  ].reduce(minDate);
  return decision.revokedAt
    ? mark(rng, options, fromDate, untilDate, "ANNULLED", endedOn, LOSS_OF_STATUS_GROUND)
    : mark(rng, options, fromDate, untilDate, "EXPIRED", null, null);
}

/** A reservation ends the day before the 60th birthday at the latest. */
function lastDayBefore60(birthDate: string): string {
  return addDays(addYears(birthDate, 60), -1);
}

function mark(
  rng: Rng,
  options: { rnokpp: string; edrpou: string },
  fromDate: string,
  untilDate: string,
  status: MarkRow["status"],
  annulledOn: string | null,
  ground: string | null,
): MarkRow {
  return {
    id: rng.uuid(),
    rnokpp: options.rnokpp,
    edrpou: options.edrpou,
    fromDate,
    untilDate,
    status,
    activeRnokpp: status === "ACTIVE" ? options.rnokpp : null,
    source: MARK_SOURCE,
    annulledOn,
    ground,
  };
}
