// What the engine answers. Every refusal carries its spec code and the parameters its
// Ukrainian message needs (reasons.ts renders them), so the worker can store codes and
// parameters and any page can render the same words later.
import type { Kopiykas } from "@/lib/format";
import type { AnnulmentGroundCode } from "./annulment-grounds";
import type { IsoDate } from "./calendar";
import type { SalaryExemptionCode } from "./criteria";
import type { LiabilityType, RegistrationStatus } from "./enums";

/** The spec's refusal codes, in the spec's order (reasons are listed in this order too). */
export const REASON_CODES = [
  "NOT_AN_EMPLOYEE",
  "ENTERPRISE_NOT_CRITICAL",
  "NOT_IN_REGISTRY",
  "NOT_MILITARY_LIABLE",
  "DATA_NOT_UPDATED",
  "WANTED",
  "NOT_EMPLOYED",
  "SALARY_BELOW_THRESHOLD",
  "RESERVED_ELSEWHERE",
  "ALREADY_RESERVED",
  "AGE_OVER_LIMIT",
  "QUOTA_EXCEEDED",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

type NoParams = Record<string, never>;

export type ReasonParams = {
  /** The one refusal for someone who is not the enterprise's employee: nothing else is said about them. */
  NOT_AN_EMPLOYEE: NoParams;
  /** decisionEnd: the last day of the latest decision, when there is one. */
  ENTERPRISE_NOT_CRITICAL: { decisionEnd: IsoDate | null };
  NOT_IN_REGISTRY: NoParams;
  NOT_MILITARY_LIABLE: { registrationStatus: RegistrationStatus; liability: LiabilityType };
  DATA_NOT_UPDATED: NoParams;
  WANTED: NoParams;
  NOT_EMPLOYED: { suspended: boolean };
  /** salary: the amount that counted (the lower of the registry's and the head's). */
  SALARY_BELOW_THRESHOLD: { threshold: Kopiykas; salary: Kopiykas };
  RESERVED_ELSEWHERE: NoParams;
  ALREADY_RESERVED: { until: IsoDate };
  AGE_OVER_LIMIT: { ageLimit: number; limitReachedOn: IsoDate };
  /** used of limit: the slots already taken when this employee's turn came. */
  QUOTA_EXCEEDED: { used: number; limit: number };
};

export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParams[C] } }[ReasonCode];

export type Verdict = "RESERVE" | "REFUSE";

/** What ended the term early, or MAX_TERM when it runs its full length. */
export type TermEnd = "MAX_TERM" | "EXCEPTION_TERM" | "DECISION_END" | "AGE_LIMIT";

export type ReservationTerm = { from: IsoDate; until: IsoDate; endsBy: TermEnd };

export type Exception45Blocker =
  "NOT_IN_FORCE" | "EMPLOYER_NOT_ELIGIBLE" | "WANTED_CRIMINAL" | "HIRED_TOO_LONG_AGO" | "USED_WITHIN_YEAR";

/**
 * Present only when DATA_NOT_UPDATED and/or WANTED are an employee's only failed conditions.
 * `applied`: the exception lifted them (the verdict may still be REFUSE over the limit).
 */
export type Exception45Outcome =
  { applied: true; waived: Reason[] } | { applied: false; blockers: Exception45Blocker[] };

export type EmployeeDecision = {
  /** 0-based position in the head's list. */
  position: number;
  rnokpp: string;
  verdict: Verdict;
  /** Every failed condition; empty exactly when verdict is RESERVE. */
  reasons: Reason[];
  /** Set when verdict is RESERVE. */
  term: ReservationTerm | null;
  /** Re-submission of a person reserved here, inside the extension window: the new term follows the current one. */
  extension: boolean;
  exception45: Exception45Outcome | null;
  /** Took a slot of the limit (a new reservation; an extension keeps its slot). */
  consumesLimit: boolean;
  /** The salary that was compared with the threshold, or null when none was known. */
  countedSalary: Kopiykas | null;
};

export type LimitSummary = {
  total: number;
  usedBefore: number;
  usedAfter: number;
  availableBefore: number;
  availableAfter: number;
};

export type ApplicationDecision = {
  rulesetVersion: string;
  date: IsoDate;
  enterprise: {
    critical: boolean;
    /** Last day of the decision after any cap (Resolution 692), or null without a decision. */
    decisionEnd: IsoDate | null;
    frontline: boolean;
    salaryThreshold: Kopiykas;
    /** The exemption that lifted the salary condition, if any. */
    salaryExemption: SalaryExemptionCode | null;
    exception45Allowed: boolean;
  };
  limit: LimitSummary;
  employees: EmployeeDecision[];
  counts: { reserve: number; refuse: number };
};

export type AnnulmentRefusalCode = "NOT_RESERVED_HERE" | "NOT_AN_EMPLOYEE";
export type AnnulmentRefusal = { code: AnnulmentRefusalCode; params: Record<string, never> };

export type EmployeeAnnulment = {
  position: number;
  rnokpp: string;
  verdict: "ANNUL" | "REFUSE";
  reasons: AnnulmentRefusal[];
  /** The reservations that end (the current one and any extension already made). */
  reservationIds: string[];
};

export type AnnulmentDecision = {
  rulesetVersion: string;
  date: IsoDate;
  ground: AnnulmentGroundCode;
  employees: EmployeeAnnulment[];
  counts: { annul: number; refuse: number };
};

export type ReservationToAnnul = {
  reservationId: string;
  rnokpp: string;
  /** The ground to record (the first of `grounds` in ANNULMENT_GROUNDS order). */
  ground: AnnulmentGroundCode;
  grounds: AnnulmentGroundCode[];
  /** The day the ground arose when the facts tell it (e.g. the day after dismissal), else the check date. */
  since: IsoDate;
};

export type AnnulmentCheck = {
  rulesetVersion: string;
  date: IsoDate;
  toAnnul: ReservationToAnnul[];
  /** Reservations that stay active, and the limit they are held to. */
  remaining: number;
  limit: number;
};
