// What the engine decides on. The caller (a draft's pre-check, the worker, a scheduled job)
// reads these facts from the registry and the portal; the engine reads nothing else — not the
// clock, not the database — so the same facts always give the same decision.
// Dates are IsoDate strings ("YYYY-MM-DD"); money is integer kopiykas.
import type { Kopiykas } from "@/lib/format";
import type { IsoDate } from "./calendar";
import type { DecisionStatus, LiabilityType, LimitCategory, OwnershipForm, RegistrationStatus } from "./enums";

export type EnterpriseFacts = {
  edrpou: string;
  /** Located in a frontline territory (its employees' salary threshold may be lower). */
  frontline: boolean;
  ownership: OwnershipForm;
  /** The state's share of the authorised capital, percent. */
  stateShare: number;
  diiaCity: boolean;
  liquidatedOn: IsoDate | null;
};

/** The enterprise's critical-status decision: the one in force, else the latest one. */
export type DecisionFacts = {
  status: DecisionStatus;
  decidedOn: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** Day the revocation took effect, when status is REVOKED and the day is known. */
  revokedOn?: IsoDate | null;
  limitCategory: LimitCategory;
  /** The limit the decision states (the engine does not recompute it). */
  limitCount: number;
  /** Criterion codes met (see criteria.ts); used to tell defence employers for the 45-day exception. */
  criteria: readonly string[];
  salaryExemption: string | null;
};

export type RegistryFacts = {
  registrationStatus: RegistrationStatus;
  liability: LiabilityType;
  wanted: boolean;
  /** Wanted under Criminal Code art. 336/337: blocks even the 45-day exception. */
  wantedCriminal: boolean;
  /** Day the person last updated (уточнив) their military data; null when never. */
  dataUpdatedOn: IsoDate | null;
  birthDate: IsoDate;
};

/** One employment record at this enterprise, as reported to the Pension Fund. */
export type EmploymentPeriod = {
  startDate: IsoDate;
  /** Last day of employment; null while employed. */
  endDate: IsoDate | null;
  suspended: boolean;
};

export type EmploymentFacts = EmploymentPeriod & {
  /** Monthly accrued salary the registry reports. */
  salary: Kopiykas;
};

/** A reservation mark that has not ended (ACTIVE in the registry), at any enterprise. */
export type ReservationFacts = {
  edrpou: string;
  from: IsoDate;
  until: IsoDate;
};

export type EmployeeFacts = {
  rnokpp: string;
  /** Оберіг's record; null when the person is not in the registry. */
  registry: RegistryFacts | null;
  /**
   * Every employment record of the person at this enterprise (a transfer inside it shows as
   * one record ending and the next starting the following day); empty when none.
   */
  employments: readonly EmploymentFacts[];
  /** The salary the head confirmed in the application, if any. */
  confirmedSalary: Kopiykas | null;
  reservations: readonly ReservationFacts[];
  /** First day of the person's latest reservation under the 45-day exception, at any employer. */
  lastException45On: IsoDate | null;
};

export type ApplicationFacts = {
  /** The day the application is decided (or pre-checked). */
  date: IsoDate;
  enterprise: EnterpriseFacts;
  decision: DecisionFacts | null;
  /**
   * Active reservations of this enterprise already counted against its limit, including those
   * of employees listed here for an extension.
   */
  activeReservationsCount: number;
  /** In the order the head listed them: the limit is applied in this order. */
  employees: readonly EmployeeFacts[];
};

/** An active reservation of this enterprise, for annulment. */
export type ActiveReservation = {
  id: string;
  rnokpp: string;
  from: IsoDate;
  until: IsoDate;
};

export type AnnulmentRequestFacts = {
  date: IsoDate;
  enterprise: Pick<EnterpriseFacts, "edrpou" | "liquidatedOn">;
  decision: DecisionFacts | null;
  ground: string;
  /**
   * As the head listed them. `employedHere`: employed at the enterprise on the date (suspended
   * included); someone neither employed nor reserved here is refused NOT_AN_EMPLOYEE.
   */
  employees: readonly { rnokpp: string; employedHere: boolean }[];
  /** Active reservations of this enterprise of (at least) the listed employees. */
  reservations: readonly ActiveReservation[];
};

export type ReservationForCheck = ActiveReservation & {
  /** When the reservation was made (an ISO instant); the latest are annulled first over the limit. */
  createdAt: string;
  employments: readonly EmploymentPeriod[];
  /** A deferment on another ground, when the registry shows one; until null = open-ended. */
  deferment?: { until: IsoDate | null } | null;
};

export type AnnulmentCheckFacts = {
  date: IsoDate;
  enterprise: Pick<EnterpriseFacts, "edrpou" | "liquidatedOn">;
  decision: DecisionFacts | null;
  /** Every active reservation of the enterprise. */
  reservations: readonly ReservationForCheck[];
};
