// Where each generated row goes: table, columns and casts, matching prisma/schema.prisma
// (camelCase column names, enums as Postgres types in their schema).

import type {
  AuthorityRow,
  CentreRow,
  CentreUnitRow,
  DecisionEventRow,
  DecisionRow,
  EmploymentRow,
  EnterpriseRow,
  MarkRow,
  MembershipRow,
  PersonRow,
  RegistrationRow,
  ServicePeriodRow,
  UnitRow,
  UserRow,
  TccRow,
  VacancyRow,
} from "../rows";
import { NOW_UTC, type Table } from "./bulk-insert";

const now = (name: string) => ({ name, sql: NOW_UTC });

export const PERSONS: Table<PersonRow> = {
  name: `"oberig"."persons"`,
  columns: [
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "lastName", type: "text", value: (r) => r.lastName },
    { name: "firstName", type: "text", value: (r) => r.firstName },
    { name: "patronymic", type: "text", value: (r) => r.patronymic },
    { name: "birthDate", type: "date", value: (r) => r.birthDate },
    { name: "sex", type: "text", cast: `"oberig"."Sex"`, value: (r) => r.sex },
    { name: "phone", type: "text", value: (r) => r.phone },
    { name: "email", type: "text", value: (r) => r.email },
    { name: "address", type: "text", value: (r) => r.address },
    now("createdAt"),
    now("updatedAt"),
  ],
};

export const REGISTRATIONS: Table<RegistrationRow> = {
  name: `"oberig"."military_registrations"`,
  columns: [
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "status", type: "text", cast: `"oberig"."RegistrationStatus"`, value: (r) => r.status },
    { name: "liability", type: "text", cast: `"oberig"."LiabilityType"`, value: (r) => r.liability },
    { name: "category", type: "int4", cast: "smallint", value: (r) => r.category },
    { name: "tcc", type: "text", value: (r) => r.tcc },
    { name: "registeredOn", type: "date", value: (r) => r.registeredOn },
    { name: "dataUpdatedOn", type: "date", value: (r) => r.dataUpdatedOn },
    { name: "wanted", type: "bool", value: (r) => r.wanted },
    { name: "wantedCriminal", type: "bool", value: (r) => r.wantedCriminal },
    { name: "rank", type: "text", value: (r) => r.rank },
    { name: "specialty", type: "text", value: (r) => r.specialty },
    { name: "vlkDate", type: "date", value: (r) => r.vlkDate },
    { name: "vlkResult", type: "text", value: (r) => r.vlkResult },
    { name: "deferment", type: "text", value: (r) => r.deferment },
    { name: "defermentUntil", type: "date", value: (r) => r.defermentUntil },
    { name: "mobilisedOn", type: "date", value: (r) => r.mobilisedOn },
    now("updatedAt"),
  ],
};

export const EMPLOYMENTS: Table<EmploymentRow> = {
  name: `"oberig"."employments"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "position", type: "text", value: (r) => r.position },
    { name: "startDate", type: "date", value: (r) => r.startDate },
    { name: "endDate", type: "date", value: (r) => r.endDate },
    { name: "salary", type: "numeric", value: (r) => r.salary.toFixed(2) },
    { name: "mainJob", type: "bool", value: (r) => r.mainJob },
    { name: "suspended", type: "bool", value: (r) => r.suspended },
    { name: "reportedOn", type: "date", value: (r) => r.reportedOn },
  ],
};

export const SERVICE_PERIODS: Table<ServicePeriodRow> = {
  name: `"oberig"."service_periods"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "unitCode", type: "text", value: (r) => r.unitCode },
    { name: "unitName", type: "text", value: (r) => r.unitName },
    { name: "position", type: "text", value: (r) => r.position },
    { name: "fromDate", type: "date", value: (r) => r.fromDate },
    { name: "untilDate", type: "date", value: (r) => r.untilDate },
    { name: "defenceConfirmedOn", type: "date", value: (r) => r.defenceConfirmedOn },
    now("updatedAt"),
  ],
};

export const ENTERPRISES: Table<EnterpriseRow> = {
  name: `"oberig"."enterprises"`,
  columns: [
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "shortName", type: "text", value: (r) => r.shortName },
    { name: "kved", type: "text", value: (r) => r.kved },
    { name: "kvedName", type: "text", value: (r) => r.kvedName },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "address", type: "text", value: (r) => r.address },
    { name: "ownership", type: "text", cast: `"oberig"."OwnershipForm"`, value: (r) => r.ownership },
    { name: "stateShare", type: "int4", cast: "smallint", value: (r) => r.stateShare },
    { name: "headRnokpp", type: "text", value: (r) => r.headRnokpp },
    { name: "frontline", type: "bool", value: (r) => r.frontline },
    { name: "diiaCity", type: "bool", value: (r) => r.diiaCity },
    { name: "registeredOn", type: "date", value: (r) => r.registeredOn },
    { name: "liquidatedOn", type: "date", value: (r) => r.liquidatedOn },
  ],
};

export const MARKS: Table<MarkRow> = {
  name: `"oberig"."reservation_marks"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "fromDate", type: "date", value: (r) => r.fromDate },
    { name: "untilDate", type: "date", value: (r) => r.untilDate },
    { name: "status", type: "text", cast: `"oberig"."MarkStatus"`, value: (r) => r.status },
    { name: "activeRnokpp", type: "text", value: (r) => r.activeRnokpp },
    { name: "source", type: "text", value: (r) => r.source },
    { name: "annulledOn", type: "date", value: (r) => r.annulledOn },
    { name: "ground", type: "text", value: (r) => r.ground },
    now("updatedAt"),
  ],
};

export const TCCS: Table<TccRow> = {
  name: `"oberig"."tccs"`,
  columns: [
    { name: "name", type: "text", value: (r) => r.name },
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "address", type: "text", value: (r) => r.address },
  ],
};

export const CENTRES: Table<CentreRow> = {
  name: `"public"."recruitment_centres"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "code", type: "text", value: (r) => r.code },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "city", type: "text", value: (r) => r.city },
    { name: "address", type: "text", value: (r) => r.address },
    { name: "phone", type: "text", value: (r) => r.phone },
    { name: "weekdays", type: "text[]", cast: "int[]", value: (r) => r.weekdays.map(String) },
    { name: "opensAt", type: "text", value: (r) => r.opensAt },
    { name: "closesAt", type: "text", value: (r) => r.closesAt },
    { name: "slotMinutes", type: "int4", value: (r) => r.slotMinutes },
    { name: "capacity", type: "int4", value: (r) => r.capacity },
  ],
};

export const CENTRE_UNITS: Table<CentreUnitRow> = {
  name: `"public"."recruitment_centre_units"`,
  columns: [
    { name: "centreId", type: "uuid", value: (r) => r.centreId },
    { name: "unitId", type: "uuid", value: (r) => r.unitId },
  ],
};

export const AUTHORITIES: Table<AuthorityRow> = {
  name: `"public"."authorities"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "code", type: "text", value: (r) => r.code },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "shortName", type: "text", value: (r) => r.shortName },
    { name: "kind", type: "text", cast: `"public"."AuthorityKind"`, value: (r) => r.kind },
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "kvedSections", type: "text[]", value: (r) => r.kvedSections },
    now("createdAt"),
  ],
};

/** `headcount` exists only in schemas that have the column (added after the first migration). */
export function decisionsTable(withHeadcount: boolean): Table<DecisionRow> {
  return {
    name: `"public"."critical_decisions"`,
    columns: [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "edrpou", type: "text", value: (r) => r.edrpou },
      { name: "authorityId", type: "uuid", value: (r) => r.authorityId },
      { name: "number", type: "text", value: (r) => r.number },
      { name: "decidedOn", type: "date", value: (r) => r.decidedOn },
      { name: "criteria", type: "text[]", value: (r) => r.criteria },
      { name: "salaryExemption", type: "text", value: (r) => r.salaryExemption },
      { name: "limitCategory", type: "text", cast: `"public"."LimitCategory"`, value: (r) => r.limitCategory },
      { name: "limitPercent", type: "int4", cast: "smallint", value: (r) => r.limitPercent },
      { name: "militaryLiableCount", type: "int4", value: (r) => r.militaryLiableCount },
      ...(withHeadcount ? [{ name: "headcount", type: "int4" as const, value: (r: DecisionRow) => r.headcount }] : []),
      { name: "limitCount", type: "int4", value: (r) => r.limitCount },
      { name: "validFrom", type: "date", value: (r) => r.validFrom },
      { name: "validUntil", type: "date", value: (r) => r.validUntil },
      { name: "status", type: "text", cast: `"public"."DecisionStatus"`, value: (r) => r.status },
      { name: "revokedAt", type: "timestamp", value: (r) => r.revokedAt },
      { name: "revocationReason", type: "text", value: (r) => r.revocationReason },
      { name: "createdAt", type: "timestamp", value: (r) => `${r.decidedOn}T12:00:00.000Z` },
      now("updatedAt"),
    ],
  };
}

export const DECISION_EVENTS: Table<DecisionEventRow> = {
  name: `"public"."decision_events"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "decisionId", type: "uuid", value: (r) => r.decisionId },
    { name: "kind", type: "text", cast: `"public"."DecisionEventKind"`, value: (r) => r.kind },
    { name: "reason", type: "text", value: (r) => r.reason },
    { name: "createdAt", type: "timestamp", value: (r) => r.createdAt },
  ],
};

export const UNITS: Table<UnitRow> = {
  name: `"public"."military_units"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "code", type: "text", value: (r) => r.code },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "branch", type: "text", value: (r) => r.branch },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "phone", type: "text", value: (r) => r.phone },
    { name: "email", type: "text", value: (r) => r.email },
    now("createdAt"),
  ],
};

export const VACANCIES: Table<VacancyRow> = {
  name: `"public"."vacancies"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "unitId", type: "uuid", value: (r) => r.unitId },
    { name: "title", type: "text", value: (r) => r.title },
    { name: "specialty", type: "text", value: (r) => r.specialty },
    { name: "region", type: "text", value: (r) => r.region },
    { name: "requirements", type: "text", value: (r) => r.requirements },
    { name: "description", type: "text", value: (r) => r.description },
    { name: "status", type: "text", cast: `"public"."VacancyStatus"`, value: (r) => r.status },
    { name: "publishedAt", type: "timestamp", value: (r) => r.publishedAt },
    { name: "closedAt", type: "timestamp", value: (r) => r.closedAt },
  ],
};

export const USERS: Table<UserRow> = {
  name: `"public"."users"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "rnokpp", type: "text", value: (r) => r.rnokpp },
    { name: "email", type: "text", value: (r) => r.email },
    { name: "fullName", type: "text", value: (r) => r.fullName },
    { name: "passwordHash", type: "text", value: (r) => r.passwordHash },
    { name: "totpSecret", type: "text", value: (r) => r.totpSecret },
    now("createdAt"),
  ],
};

export const MEMBERSHIPS: Table<MembershipRow> = {
  name: `"public"."memberships"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "userId", type: "uuid", value: (r) => r.userId },
    { name: "role", type: "text", cast: `"public"."Role"`, value: (r) => r.role },
    { name: "authorityId", type: "uuid", value: (r) => r.authorityId },
    { name: "edrpou", type: "text", value: (r) => r.edrpou },
    { name: "unitId", type: "uuid", value: (r) => r.unitId },
    { name: "tcc", type: "text", value: (r) => r.tcc },
    { name: "centreId", type: "uuid", value: (r) => r.centreId },
    { name: "position", type: "text", value: (r) => r.position },
    { name: "grantedByRnokpp", type: "text", value: (r) => r.grantedByRnokpp },
    now("grantedAt"),
  ],
};
