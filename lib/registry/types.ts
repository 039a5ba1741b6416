// The Оберіг registry as the portal sees it: records, not tables. Dates are calendar dates
// as ISO strings (YYYY-MM-DD); money is kopiykas (integers), so nothing drifts.

export type RegistrationStatus =
  "ON_REGISTER" | "REMOVED" | "EXCLUDED" | "NOT_REGISTERED" | "BEING_CLARIFIED" | "WANTED";
export type LiabilityType = "CONSCRIPT" | "LIABLE" | "RESERVIST";
export type OwnershipForm = "STATE" | "COMMUNAL" | "PRIVATE" | "COLLECTIVE" | "RELIGIOUS";

export type VlkReferral = { at: string; place: string };

export type MilitaryRecord = {
  status: RegistrationStatus;
  liability: LiabilityType;
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
  /** The latest electronic referral to the ВЛК: when (ISO instant) and where to appear; null when none. */
  vlkReferral: VlkReferral | null;
  deferment: string | null;
  defermentUntil: string | null;
  /** Day the person was mobilised (called up to military service); null when not mobilised. */
  mobilisedOn: string | null;
  /** When the registry last changed this record (ISO timestamp). */
  updatedAt: string;
};

export type PersonRecord = {
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  fullName: string;
  birthDate: string;
  sex: "MALE" | "FEMALE";
  phone: string | null;
  email: string | null;
  address: string | null;
  updatedAt: string;
  military: MilitaryRecord | null;
};

export type EmploymentRecord = {
  id: string;
  rnokpp: string;
  edrpou: string;
  position: string;
  startDate: string;
  endDate: string | null;
  salaryKop: number;
  mainJob: boolean;
  suspended: boolean;
  reportedOn: string;
};

export type EnterpriseRecord = {
  edrpou: string;
  name: string;
  shortName: string | null;
  kved: string;
  kvedName: string;
  region: string;
  address: string | null;
  ownership: OwnershipForm;
  stateShare: number;
  headRnokpp: string | null;
  headName: string | null;
  frontline: boolean;
  diiaCity: boolean;
  registeredOn: string;
  liquidatedOn: string | null;
};

export type MarkRecord = {
  id: string;
  rnokpp: string;
  edrpou: string;
  fromDate: string;
  untilDate: string;
  status: "ACTIVE" | "ANNULLED" | "EXPIRED" | "SUPERSEDED";
  source: string;
  reservationId: string | null;
};

export type ContactsUpdate = { phone: string | null; email: string | null; address: string | null };

/** What a status screen needs in one read: who, the registration's state, the reservation in force. */
export type CitizenStatusRecord = {
  rnokpp: string;
  fullName: string;
  birthDate: string;
  military: Pick<MilitaryRecord, "status" | "liability" | "tcc" | "dataUpdatedOn" | "wanted" | "updatedAt"> | null;
  /** The active mark that has not run out by `today`, at any employer, with the employer's name. */
  reservation: {
    markId: string;
    edrpou: string;
    enterpriseName: string;
    fromDate: string;
    untilDate: string;
    source: string;
    reservationId: string | null;
  } | null;
};

/** Which persons a staff read covers: these РНОКПП, or everyone employed at the enterprise on a day. */
export type StaffScope =
  | { rnokpps: readonly string[] }
  /** Everyone employed there on the day — or, with `among`, those of these persons who are. */
  | { employedOn: string; among?: readonly string[] };

/** A person as the staff read-model carries them: what the rules and the lists need, no contacts and no timestamps. */
export type StaffPerson = Pick<
  PersonRecord,
  "rnokpp" | "lastName" | "firstName" | "patronymic" | "fullName" | "birthDate" | "sex"
> & {
  military: Pick<
    MilitaryRecord,
    "status" | "liability" | "dataUpdatedOn" | "wanted" | "wantedCriminal" | "deferment" | "defermentUntil"
  > | null;
};

/** One employment record as the staff read-model carries it. */
export type StaffEmployment = Pick<
  EmploymentRecord,
  "rnokpp" | "position" | "startDate" | "endDate" | "salaryKop" | "mainJob" | "suspended"
>;

/**
 * One person with everything the reservation rules need about them and one enterprise: the
 * registry record, every employment record at that enterprise, and their active reservation
 * marks at any employer. Persons the registry does not know are simply absent.
 */
export type StaffRecord = {
  person: StaffPerson;
  /** At the enterprise read, current and past, oldest first. */
  employments: StaffEmployment[];
  /** ACTIVE marks anywhere (the registry keeps at most one per person). */
  activeMarks: MarkRecord[];
};

/** Which enterprise and day to count, under which rules (the ruleset's age limit and mobilised-in-base switch). */
export type MilitaryLiableQuery = { edrpou: string; today: string; ageLimit: number; includeMobilised: boolean };

/** Enterprises whose mobilised-only employees to count (see Registry.countMobilisedInBase). */
export type MobilisedInBaseQuery = { edrpous: readonly string[]; today: string; ageLimit: number };

/** The decision form's limit bases: the military-liable the limit is counted from, and today's headcount. */
export type EnterpriseCounts = { militaryLiable: number; headcount: number };
