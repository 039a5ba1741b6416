import type { EmploymentRecord, EnterpriseRecord, MarkRecord, MilitaryRecord, PersonRecord } from "../types";

// Row → record mapping for the Postgres mock. Dates leave the database as calendar dates.

export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function toKopiykas(value: { toString(): string }): number {
  const [whole = "0", fraction = ""] = value.toString().split(".");
  const sign = whole.startsWith("-") ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2)));
}

export function fullNameOf(p: { lastName: string; firstName: string; patronymic: string | null }) {
  return [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" ");
}

type MilitaryRow = {
  status: MilitaryRecord["status"];
  liability: MilitaryRecord["liability"];
  category: number;
  tcc: string;
  registeredOn: Date;
  dataUpdatedOn: Date | null;
  wanted: boolean;
  wantedCriminal: boolean;
  rank: string | null;
  specialty: string | null;
  vlkDate: Date | null;
  vlkResult: string | null;
  deferment: string | null;
  defermentUntil: Date | null;
  mobilisedOn?: Date | null;
  vlkReferralAt?: Date | null;
  vlkReferralPlace?: string | null;
  updatedAt: Date;
};

export function toMilitaryRecord(m: MilitaryRow): MilitaryRecord {
  return {
    status: m.status,
    liability: m.liability,
    category: m.category,
    tcc: m.tcc,
    registeredOn: isoDate(m.registeredOn),
    dataUpdatedOn: isoDate(m.dataUpdatedOn),
    wanted: m.wanted,
    wantedCriminal: m.wantedCriminal,
    rank: m.rank,
    specialty: m.specialty,
    vlkDate: isoDate(m.vlkDate),
    vlkResult: m.vlkResult,
    vlkReferral:
      m.vlkReferralAt && m.vlkReferralPlace ? { at: m.vlkReferralAt.toISOString(), place: m.vlkReferralPlace } : null,
    deferment: m.deferment,
    defermentUntil: isoDate(m.defermentUntil),
    mobilisedOn: isoDate(m.mobilisedOn ?? null),
    updatedAt: m.updatedAt.toISOString(),
  };
}

type PersonRow = {
  rnokpp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: Date;
  sex: "MALE" | "FEMALE";
  phone: string | null;
  email: string | null;
  address: string | null;
  updatedAt: Date;
  military: MilitaryRow | null;
};

export function toPersonRecord(p: PersonRow): PersonRecord {
  return {
    rnokpp: p.rnokpp,
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic,
    fullName: fullNameOf(p),
    birthDate: isoDate(p.birthDate),
    sex: p.sex,
    phone: p.phone,
    email: p.email,
    address: p.address,
    updatedAt: p.updatedAt.toISOString(),
    military: p.military ? toMilitaryRecord(p.military) : null,
  };
}

export function toEmploymentRecord(e: {
  id: string;
  rnokpp: string;
  edrpou: string;
  position: string;
  startDate: Date;
  endDate: Date | null;
  salary: { toString(): string };
  mainJob: boolean;
  suspended: boolean;
  reportedOn: Date;
}): EmploymentRecord {
  return {
    id: e.id,
    rnokpp: e.rnokpp,
    edrpou: e.edrpou,
    position: e.position,
    startDate: isoDate(e.startDate),
    endDate: isoDate(e.endDate),
    salaryKop: toKopiykas(e.salary),
    mainJob: e.mainJob,
    suspended: e.suspended,
    reportedOn: isoDate(e.reportedOn),
  };
}

export function toMarkRecord(m: {
  id: string;
  rnokpp: string;
  edrpou: string;
  fromDate: Date;
  untilDate: Date;
  status: string;
  source: string;
  reservationId: string | null;
}): MarkRecord {
  return {
    id: m.id,
    rnokpp: m.rnokpp,
    edrpou: m.edrpou,
    fromDate: isoDate(m.fromDate),
    untilDate: isoDate(m.untilDate),
    status: m.status as MarkRecord["status"],
    source: m.source,
    reservationId: m.reservationId,
  };
}

export function toEnterpriseRecord(e: {
  edrpou: string;
  name: string;
  shortName: string | null;
  kved: string;
  kvedName: string;
  region: string;
  address: string | null;
  ownership: EnterpriseRecord["ownership"];
  stateShare: number;
  headRnokpp: string | null;
  frontline: boolean;
  diiaCity: boolean;
  registeredOn: Date;
  liquidatedOn: Date | null;
  head: { lastName: string; firstName: string; patronymic: string | null } | null;
}): EnterpriseRecord {
  return {
    edrpou: e.edrpou,
    name: e.name,
    shortName: e.shortName,
    kved: e.kved,
    kvedName: e.kvedName,
    region: e.region,
    address: e.address,
    ownership: e.ownership,
    stateShare: e.stateShare,
    headRnokpp: e.headRnokpp,
    headName: e.head ? fullNameOf(e.head) : null,
    frontline: e.frontline,
    diiaCity: e.diiaCity,
    registeredOn: isoDate(e.registeredOn),
    liquidatedOn: isoDate(e.liquidatedOn),
  };
}
