import { addWorkingDays, type IsoDate } from "./calendar";

// Who may have which certificate, and whether the registry alone can issue it. Facts in, a
// decision out: issue at once, route to the unit whose confirmation is missing (with the day
// it is due), or refuse with a reason. Pure: no clock (today is a fact), no I/O.

export const CERTIFICATE_KINDS = ["SERVICE_PARTICIPATION", "MILITARY_REGISTRATION", "RESERVATION_EXTRACT"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Working days a unit has to confirm (or refuse) a period of service. */
export const UNIT_CONFIRMATION_WORKING_DAYS = 10;

export type EntitlementPeriod = {
  id: string;
  unitCode: string;
  fromDate: IsoDate;
  untilDate: IsoDate | null;
  defenceConfirmedOn: IsoDate | null;
};

export type EntitlementFacts = {
  kind: CertificateKind;
  today: IsoDate;
  /** The person's military registration; null: not on any register. */
  registration: { status: string } | null;
  servicePeriods: readonly EntitlementPeriod[];
  /** The reservation mark in force today, if any. */
  activeMark: { edrpou: string; fromDate: IsoDate; untilDate: IsoDate } | null;
};

export const ENTITLEMENT_REFUSALS = {
  NO_SERVICE_PERIODS:
    "Реєстр «Оберіг» не містить жодного періоду вашої військової служби: довідку про участь у службі видати не можна. Якщо ви служили, зверніться до своєї військової частини, щоб вона внесла відомості.",
  NOT_ON_REGISTER:
    "Ви не перебуваєте на військовому обліку (за даними реєстру «Оберіг»): довідку про взяття на облік видати не можна. Зверніться до свого ТЦК та СП.",
  NO_ACTIVE_RESERVATION:
    "За даними реєстру «Оберіг» у вас немає чинного бронювання: витяг про бронювання видати не можна.",
} as const;
export type EntitlementRefusal = keyof typeof ENTITLEMENT_REFUSALS;

export type EntitlementDecision =
  | { outcome: "ISSUE" }
  | { outcome: "ROUTE_TO_UNIT"; unitCode: string; periodIds: string[]; dueOn: IsoDate }
  | { outcome: "REFUSE"; reason: EntitlementRefusal; message: string };

const refuse = (reason: EntitlementRefusal): EntitlementDecision => ({
  outcome: "REFUSE",
  reason,
  message: ENTITLEMENT_REFUSALS[reason],
});

export function decideCertificateEntitlement(facts: EntitlementFacts): EntitlementDecision {
  switch (facts.kind) {
    case "SERVICE_PARTICIPATION": {
      const periods = facts.servicePeriods.filter((period) => period.fromDate <= facts.today);
      if (periods.length === 0) return refuse("NO_SERVICE_PERIODS");
      // Oldest unconfirmed period first: its unit confirms all of its own periods at once.
      const waiting = periods.find((period) => period.defenceConfirmedOn === null);
      if (!waiting) return { outcome: "ISSUE" };
      return {
        outcome: "ROUTE_TO_UNIT",
        unitCode: waiting.unitCode,
        periodIds: periods
          .filter((period) => period.unitCode === waiting.unitCode && period.defenceConfirmedOn === null)
          .map((period) => period.id),
        dueOn: addWorkingDays(facts.today, UNIT_CONFIRMATION_WORKING_DAYS),
      };
    }
    case "MILITARY_REGISTRATION":
      return facts.registration && REGISTERED_STATUSES.has(facts.registration.status)
        ? { outcome: "ISSUE" }
        : refuse("NOT_ON_REGISTER");
    case "RESERVATION_EXTRACT": {
      const mark = facts.activeMark;
      return mark && mark.fromDate <= facts.today && facts.today <= mark.untilDate
        ? { outcome: "ISSUE" }
        : refuse("NO_ACTIVE_RESERVATION");
    }
  }
}

/** Statuses under which a person is on the register (data being clarified or wanted included: they are still registered). */
const REGISTERED_STATUSES: ReadonlySet<string> = new Set(["ON_REGISTER", "BEING_CLARIFIED", "WANTED"]);
