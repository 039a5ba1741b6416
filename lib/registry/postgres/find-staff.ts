import "server-only";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { MarkRecord, MilitaryRecord, StaffRecord, StaffScope } from "../types";
import { fullNameOf, isoDate, toEmploymentRecord } from "./map";

// The bulk read-model behind the rules engine: the pre-check of a 10,000-employee draft, the
// decision, the cabinet's employee list and the daily checks all need, for many persons at
// one enterprise, the registry record, the employments there and the active marks anywhere.
// Three set-based queries over the `oberig` tables (no per-person round trip); on the shared
// client they run in parallel, in a transaction one after another on its connection.
// The scope is a subquery, so "everyone employed there today" costs no extra round trip.

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
  m_status: MilitaryRecord["status"] | null;
  m_liability: MilitaryRecord["liability"];
  m_category: number;
  m_tcc: string;
  m_registeredOn: Date;
  m_dataUpdatedOn: Date | null;
  m_wanted: boolean;
  m_wantedCriminal: boolean;
  m_rank: string | null;
  m_specialty: string | null;
  m_vlkDate: Date | null;
  m_vlkResult: string | null;
  m_deferment: string | null;
  m_defermentUntil: Date | null;
  m_updatedAt: Date;
};

type EmploymentRow = Parameters<typeof toEmploymentRecord>[0];
type MarkRow = { id: string; rnokpp: string; edrpou: string; fromDate: Date; untilDate: Date; status: MarkRecord["status"]; source: string; reservationId: string | null };

function scopeSql(edrpou: string, scope: StaffScope): Prisma.Sql {
  if ("rnokpps" in scope) return Prisma.sql`SELECT unnest(${[...scope.rnokpps]}::text[])::char(10)`;
  return Prisma.sql`SELECT e.rnokpp FROM oberig.employments e
    WHERE e.edrpou = ${edrpou} AND e."startDate" <= ${scope.employedOn}::date AND (e."endDate" IS NULL OR e."endDate" >= ${scope.employedOn}::date)`;
}

export async function findStaff(client: Db | DbTx, edrpou: string, scope: StaffScope): Promise<StaffRecord[]> {
  if ("rnokpps" in scope && scope.rnokpps.length === 0) return [];
  const inScope = scopeSql(edrpou, scope);
  const [people, employments, marks] = await Promise.all([
    client.$queryRaw<PersonRow[]>`
      SELECT p.rnokpp, p."lastName", p."firstName", p.patronymic, p."birthDate", p.sex::text AS sex, p.phone, p.email, p.address, p."updatedAt",
        m.status::text AS m_status, m.liability::text AS m_liability, m.category AS m_category, m.tcc AS m_tcc, m."registeredOn" AS "m_registeredOn",
        m."dataUpdatedOn" AS "m_dataUpdatedOn", m.wanted AS m_wanted, m."wantedCriminal" AS "m_wantedCriminal", m.rank AS m_rank,
        m.specialty AS m_specialty, m."vlkDate" AS "m_vlkDate", m."vlkResult" AS "m_vlkResult", m.deferment AS m_deferment,
        m."defermentUntil" AS "m_defermentUntil", m."updatedAt" AS "m_updatedAt"
      FROM oberig.persons p LEFT JOIN oberig.military_registrations m ON m.rnokpp = p.rnokpp
      WHERE p.rnokpp IN (${inScope})`,
    client.$queryRaw<EmploymentRow[]>`
      SELECT id, rnokpp, edrpou, position, "startDate", "endDate", salary, "mainJob", suspended, "reportedOn"
      FROM oberig.employments WHERE edrpou = ${edrpou} AND rnokpp IN (${inScope})
      ORDER BY "startDate", id`,
    client.$queryRaw<MarkRow[]>`
      SELECT id, rnokpp, edrpou, "fromDate", "untilDate", status::text AS status, source, "reservationId"
      FROM oberig.reservation_marks WHERE "activeRnokpp" IN (${inScope})`,
  ]);

  const byPerson = new Map<string, StaffRecord>();
  for (const p of people) {
    byPerson.set(p.rnokpp, {
      person: {
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
        military: p.m_status === null ? null : militaryOf(p),
      },
      employments: [],
      activeMarks: [],
    });
  }
  for (const e of employments) byPerson.get(e.rnokpp)?.employments.push(toEmploymentRecord(e));
  for (const m of marks) {
    byPerson.get(m.rnokpp)?.activeMarks.push({
      id: m.id,
      rnokpp: m.rnokpp,
      edrpou: m.edrpou,
      fromDate: isoDate(m.fromDate),
      untilDate: isoDate(m.untilDate),
      status: m.status,
      source: m.source,
      reservationId: m.reservationId,
    });
  }
  return [...byPerson.values()];
}

function militaryOf(p: PersonRow): MilitaryRecord {
  return {
    status: p.m_status!,
    liability: p.m_liability,
    category: p.m_category,
    tcc: p.m_tcc,
    registeredOn: isoDate(p.m_registeredOn),
    dataUpdatedOn: isoDate(p.m_dataUpdatedOn),
    wanted: p.m_wanted,
    wantedCriminal: p.m_wantedCriminal,
    rank: p.m_rank,
    specialty: p.m_specialty,
    vlkDate: isoDate(p.m_vlkDate),
    vlkResult: p.m_vlkResult,
    deferment: p.m_deferment,
    defermentUntil: isoDate(p.m_defermentUntil),
    updatedAt: p.m_updatedAt.toISOString(),
  };
}
