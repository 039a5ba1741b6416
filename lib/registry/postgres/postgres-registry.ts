import "server-only";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { Registry, RegistryRelations } from "../registry";
import type { ContactsUpdate } from "../types";
import { countMilitaryLiable } from "./count-military-liable";
import { countMobilisedInBase } from "./count-mobilised-in-base";
import { findCitizenStatus } from "./find-citizen-status";
import { findEnterprise } from "./find-enterprise";
import { findStaff } from "./find-staff";
import { servicePeriodMethods } from "./service-periods";
import { basicServiceRecordMethods } from "./basic-service-records";
import { pruneStaffChanges, staffChangesSince, staffVersion } from "./staff-version";
import { createTccRegister } from "./tcc-register";
import { toEmploymentRecord, toMarkRecord, toPersonRecord } from "./map";

const PERSON_SELECT = {
  rnokpp: true,
  lastName: true,
  firstName: true,
  patronymic: true,
  birthDate: true,
  sex: true,
  phone: true,
  email: true,
  address: true,
  updatedAt: true,
  military: {
    select: {
      status: true,
      liability: true,
      category: true,
      tcc: true,
      registeredOn: true,
      dataUpdatedOn: true,
      wanted: true,
      wantedCriminal: true,
      rank: true,
      specialty: true,
      vlkDate: true,
      vlkResult: true,
      deferment: true,
      defermentUntil: true,
      mobilisedOn: true,
      vlkReferralAt: true,
      vlkReferralPlace: true,
      updatedAt: true,
    },
  },
} as const;

const MARK_SELECT = {
  id: true,
  rnokpp: true,
  edrpou: true,
  fromDate: true,
  untilDate: true,
  status: true,
  source: true,
  reservationId: true,
} as const;

/** The mock's tables themselves: a join plans exactly as it did when written against them. */
const RELATIONS: RegistryRelations = {
  enterprises: Prisma.raw("oberig.enterprises"),
  persons: Prisma.raw("oberig.persons"),
  employments: Prisma.raw("oberig.employments"),
  reservationMarks: Prisma.raw("oberig.reservation_marks"),
  tccs: Prisma.raw("oberig.tccs"),
};

/** The Оберіг mock: its own Postgres schema `oberig`, in the portal's database. */
export function createPostgresRegistry(db: Db | DbTx): Registry {
  return {
    relations: RELATIONS,
    ...servicePeriodMethods(db),
    ...basicServiceRecordMethods(db),
    ...createTccRegister(db),

    async findPerson(rnokpp) {
      const row = await db.person.findUnique({ where: { rnokpp }, select: PERSON_SELECT });
      return row ? toPersonRecord(row) : null;
    },

    async findPeople(rnokpps) {
      if (rnokpps.length === 0) return new Map();
      const rows = await db.person.findMany({ where: { rnokpp: { in: [...rnokpps] } }, select: PERSON_SELECT });
      return new Map(rows.map((r) => [r.rnokpp, toPersonRecord(r)]));
    },

    findEnterprise(edrpou) {
      return findEnterprise(db, edrpou);
    },

    async findEmployments(edrpou, rnokpps) {
      if (rnokpps.length === 0) return [];
      const rows = await db.employment.findMany({
        where: { edrpou, rnokpp: { in: [...rnokpps] } },
        orderBy: { startDate: "asc" },
      });
      return rows.map(toEmploymentRecord);
    },

    async findActiveMarks(rnokpps) {
      if (rnokpps.length === 0) return [];
      const rows = await db.reservationMark.findMany({
        where: { rnokpp: { in: [...rnokpps] }, status: "ACTIVE" },
        select: MARK_SELECT,
      });
      return rows.map(toMarkRecord);
    },

    async findMarksOf(rnokpp) {
      const rows = await db.reservationMark.findMany({
        where: { rnokpp },
        orderBy: { fromDate: "desc" },
        select: MARK_SELECT,
      });
      return rows.map(toMarkRecord);
    },

    findStatus(rnokpp, today) {
      return findCitizenStatus(db, rnokpp, today);
    },

    countMobilisedInBase(query) {
      return countMobilisedInBase(db, query);
    },

    countMilitaryLiable(query) {
      return countMilitaryLiable(db, query);
    },

    async listRegions() {
      const rows = await db.$queryRaw<
        { region: string }[]
      >`SELECT DISTINCT region FROM oberig.enterprises ORDER BY region`;
      return rows.map((r) => r.region);
    },

    findStaff(edrpou, scope) {
      return findStaff(db, edrpou, scope);
    },

    staffVersion(edrpou) {
      return staffVersion(db, edrpou);
    },
    staffChangesSince(edrpou, since, limit) {
      return staffChangesSince(db, edrpou, since, limit);
    },
    pruneStaffChanges(olderThanSeconds) {
      return pruneStaffChanges(db, olderThanSeconds);
    },

    async findLargeStaffs(edrpous, employedOn, atLeast) {
      if (edrpous.length === 0) return new Map();
      // Employment records covering the day, as findStaff reads them. Counted as records, not
      // distinct persons (two positions of one person on one day are rare): a distinct count
      // sorts millions of rows, 15 s against 2 s at national scale for 22,500 enterprises.
      const rows = await db.$queryRaw<Array<{ edrpou: string; staff: number }>>`
        SELECT edrpou, count(*)::int AS staff FROM oberig.employments
        WHERE edrpou = ANY(${[...edrpous]}::char(8)[]) AND "startDate" <= ${employedOn}::date
          AND ("endDate" IS NULL OR "endDate" >= ${employedOn}::date)
        GROUP BY edrpou HAVING count(*) >= ${atLeast}`;
      return new Map(rows.map((r) => [r.edrpou.trim(), r.staff]));
    },

    async findActiveMarksAt(edrpou, among) {
      if (!among) {
        const rows = await db.reservationMark.findMany({ where: { edrpou, status: "ACTIVE" }, select: MARK_SELECT });
        return rows.map(toMarkRecord);
      }
      // One array parameter however many are named (a list of bind values is capped at 32,767);
      // a person's one ACTIVE mark is found through its unique "activeRnokpp".
      const list = "rnokpps" in among ? among.rnokpps : among.ids;
      if (list.length === 0) return [];
      const rows = await db.$queryRaw<Array<Parameters<typeof toMarkRecord>[0]>>`
        SELECT id, rnokpp, edrpou, "fromDate", "untilDate", status::text AS status, source, "reservationId"
        FROM oberig.reservation_marks
        WHERE edrpou = ${edrpou} AND status = 'ACTIVE' AND ${
          "rnokpps" in among
            ? Prisma.sql`"activeRnokpp" = ANY(${[...list]}::char(10)[])`
            : Prisma.sql`id = ANY(${[...list]}::uuid[])`
        }`;
      return rows.map(toMarkRecord);
    },

    async countActiveMarksAt(edrpou, onDate) {
      const [row] = await db.$queryRaw<Array<{ count: number }>>`
        SELECT count(*)::int AS count FROM oberig.reservation_marks
        WHERE edrpou = ${edrpou} AND status = 'ACTIVE' AND "untilDate" >= ${onDate}::date`;
      return row?.count ?? 0;
    },

    async findEnterprisesWithActiveMarks() {
      const rows = await db.reservationMark.groupBy({
        by: ["edrpou"],
        where: { status: "ACTIVE" },
        orderBy: { edrpou: "asc" },
      });
      return rows.map((r) => r.edrpou);
    },

    async updateContacts(tx, rnokpp, contacts: ContactsUpdate, today) {
      // Updating one's contacts online is уточнення of the data: the registry dates it.
      const person = await tx.person.update({ where: { rnokpp }, data: contacts, select: PERSON_SELECT });
      if (person.military) {
        await tx.militaryRegistration.update({
          where: { rnokpp },
          data: { dataUpdatedOn: new Date(`${today}T00:00:00Z`) },
        });
      }
      const fresh = await tx.person.findUniqueOrThrow({ where: { rnokpp }, select: PERSON_SELECT });
      return toPersonRecord(fresh);
    },

    async putReservationMarks(tx, marks) {
      if (marks.length === 0) return;
      // Thousands at once (a 10,000-employee application): one INSERT … SELECT FROM
      // json_to_recordset — Prisma's createMany would spend seconds on a batch that size.
      const rows = JSON.stringify(
        marks.map((m) => ({
          rnokpp: m.rnokpp,
          edrpou: m.edrpou,
          from_date: m.fromDate,
          until_date: m.untilDate,
          reservation_id: m.reservationId,
        })),
      );
      await tx.$executeRaw`
        INSERT INTO oberig.reservation_marks (id, rnokpp, edrpou, "fromDate", "untilDate", status, "activeRnokpp", source, "reservationId", "updatedAt")
        SELECT gen_random_uuid(), rnokpp, edrpou, from_date, until_date, 'ACTIVE', rnokpp, 'portal', reservation_id, now()
        FROM json_to_recordset(${rows}::json) AS x(rnokpp text, edrpou text, from_date date, until_date date, reservation_id uuid)
        ORDER BY rnokpp`;
    },

    async endReservationMarks(tx, reservationIds, end) {
      if (reservationIds.length === 0) return 0;
      const result = await tx.reservationMark.updateMany({
        where: { reservationId: { in: [...reservationIds] }, status: "ACTIVE" },
        data: {
          status: end.status,
          activeRnokpp: null,
          annulledOn: new Date(`${end.on}T00:00:00Z`),
          ground: end.ground,
        },
      });
      return result.count;
    },

    async endMarks(tx, markIds, end) {
      if (markIds.length === 0) return 0;
      const result = await tx.reservationMark.updateMany({
        where: { id: { in: [...markIds] }, status: "ACTIVE" },
        data: {
          status: end.status,
          activeRnokpp: null,
          annulledOn: new Date(`${end.on}T00:00:00Z`),
          ground: end.ground,
        },
      });
      return result.count;
    },
  };
}
