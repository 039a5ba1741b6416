// Plain rows the generators produce and the bulk writer inserts. Dates are ISO strings
// (YYYY-MM-DD) and timestamps ISO instants, so generated data compare equal across runs.

import type { LimitCategory } from "./data/criteria";

export type SexValue = "MALE" | "FEMALE";
export type RegistrationStatusValue =
  "ON_REGISTER" | "REMOVED" | "EXCLUDED" | "NOT_REGISTERED" | "BEING_CLARIFIED" | "WANTED";
export type LiabilityValue = "CONSCRIPT" | "LIABLE" | "RESERVIST";
export type OwnershipValue = "STATE" | "COMMUNAL" | "PRIVATE" | "COLLECTIVE" | "RELIGIOUS";

export type PersonRow = {
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  sex: SexValue;
  phone: string | null;
  email: string | null;
  address: string | null;
};

export type RegistrationRow = {
  rnokpp: string;
  status: RegistrationStatusValue;
  liability: LiabilityValue;
  category: number;
  tcc: string;
  registeredOn: string;
  dataUpdatedOn: string | null;
  wanted: boolean;
  wantedCriminal: boolean;
  rank: string | null;
  specialty: string | null;
  vlkDate: string | null;
  vlkResult: string | null;
  deferment: string | null;
  defermentUntil: string | null;
  /** Day the person was mobilised; null when not. */
  mobilisedOn: string | null;
};

export type EmploymentRow = {
  id: string;
  rnokpp: string;
  edrpou: string;
  position: string;
  startDate: string;
  endDate: string | null;
  /** UAH with two decimals. */
  salary: number;
  mainJob: boolean;
  suspended: boolean;
  reportedOn: string;
};

export type EnterpriseRow = {
  edrpou: string;
  name: string;
  shortName: string;
  kved: string;
  kvedName: string;
  region: string;
  address: string;
  ownership: OwnershipValue;
  stateShare: number;
  headRnokpp: string | null;
  frontline: boolean;
  diiaCity: boolean;
  registeredOn: string;
  liquidatedOn: string | null;
};

export type MarkRow = {
  id: string;
  rnokpp: string;
  edrpou: string;
  fromDate: string;
  untilDate: string;
  status: "ACTIVE" | "ANNULLED" | "EXPIRED";
  activeRnokpp: string | null;
  source: string;
  annulledOn: string | null;
  ground: string | null;
};

export type AuthorityRow = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: "MINISTRY" | "REGIONAL_ADMINISTRATION";
  edrpou: string;
  region: string | null;
  kvedSections: string[];
};

export type DecisionRow = {
  id: string;
  edrpou: string;
  authorityId: string;
  number: string;
  decidedOn: string;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: LimitCategory;
  limitPercent: number;
  militaryLiableCount: number;
  /** Total headcount on the decision date (the base of the 100% defence-industry limit). */
  headcount: number;
  limitCount: number;
  validFrom: string;
  validUntil: string;
  status: "ACTIVE" | "REVOKED";
  revokedAt: string | null;
  revocationReason: string | null;
};

export type DecisionEventRow = {
  id: string;
  decisionId: string;
  kind: "GRANTED" | "CONFIRMED" | "EXTENDED" | "LIMIT_CHANGED" | "REVOKED" | "EXPIRED";
  reason: string | null;
  createdAt: string;
};

export type UnitRow = {
  id: string;
  code: string;
  name: string;
  branch: string;
  region: string;
  phone: string;
  email: string;
};

export type VacancyRow = {
  id: string;
  unitId: string;
  title: string;
  specialty: string;
  region: string;
  requirements: string;
  description: string;
  status: "OPEN" | "CLOSED";
  publishedAt: string;
  closedAt: string | null;
};

export type CentreRow = {
  id: string;
  code: string;
  name: string;
  region: string;
  city: string;
  address: string;
  phone: string;
  weekdays: number[];
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
};

export type CentreUnitRow = { centreId: string; unitId: string };

export type TccRow = { name: string; edrpou: string; region: string; address: string };

export type UserRow = {
  id: string;
  rnokpp: string;
  email: string | null;
  fullName: string;
  passwordHash: string;
  totpSecret: string | null;
};

export type MembershipRow = {
  id: string;
  userId: string;
  role:
    | "ADMIN"
    | "OFFICIAL"
    | "AUTHORIZED_PERSON"
    | "RECRUITER"
    | "METHODOLOGIST"
    | "UNIT_STAFF_OFFICER"
    | "TCK_OFFICER"
    | "TCK_HEAD"
    | "CENTRE_RECRUITER";
  authorityId: string | null;
  edrpou: string | null;
  unitId: string | null;
  tcc: string | null;
  centreId: string | null;
  position: string | null;
  grantedByRnokpp: string | null;
};

export type ServicePeriodRow = {
  id: string;
  rnokpp: string;
  unitCode: string;
  unitName: string;
  position: string;
  fromDate: string;
  untilDate: string | null;
  defenceConfirmedOn: string | null;
};

/** Everything generated about one person. */
export type PersonBundle = {
  person: PersonRow;
  registration: RegistrationRow | null;
  employments: EmploymentRow[];
  marks: MarkRow[];
  servicePeriods: ServicePeriodRow[];
};
