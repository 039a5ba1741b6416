import "server-only";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { AgeBand, NoticeFactsRow, TccRegisterFilter, TccRegisterPort, TccRegisterRow } from "../tcc-types";
import { isoDate } from "./map";

// The ТЦК's register over the mock: set-based reads of military_registrations (index tcc,
// rnokpp) with the person and the reservation mark in force. Rows come back as one JSON array
// (json_agg), like find-staff.ts: for 10,000 persons one JSON.parse beats per-row decoding.

const sql = Prisma.sql;
const inList = (rnokpps: readonly string[]) => sql`ANY(string_to_array(${rnokpps.join(",")}, ',')::char(10)[])`;

type Tuple = [
  string,
  string,
  string,
  string | null,
  string,
  "MALE" | "FEMALE",
  string,
  TccRegisterRow["status"],
  TccRegisterRow["liability"],
  number,
  string | null,
  boolean,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

function selectRows(today: string, where: Prisma.Sql, tail: Prisma.Sql) {
  return sql`SELECT coalesce(json_agg(json_build_array(
      m.rnokpp, p."lastName", p."firstName", p.patronymic, p."birthDate", p.sex, m.tcc, m.status, m.liability, m.category,
      m."dataUpdatedOn", m.wanted, m."vlkDate", m."vlkResult", to_char(m."vlkReferralAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), m."vlkReferralPlace", m.deferment, m."defermentUntil", m."mobilisedOn", r.edrpou, r."untilDate"
    ) ORDER BY m.rnokpp), '[]')::text AS data
    FROM (SELECT m.* FROM oberig.military_registrations m JOIN oberig.persons p ON p.rnokpp = m.rnokpp WHERE ${where} ORDER BY m.rnokpp ${tail}) m
    JOIN oberig.persons p ON p.rnokpp = m.rnokpp
    LEFT JOIN oberig.reservation_marks r ON r."activeRnokpp" = m.rnokpp AND r."untilDate" >= ${today}::date`;
}

function toRow(t: Tuple): TccRegisterRow {
  const [
    rnokpp,
    lastName,
    firstName,
    patronymic,
    birthDate,
    sex,
    tcc,
    status,
    liability,
    category,
    dataUpdatedOn,
    wanted,
    vlkDate,
    vlkResult,
    vlkReferralAt,
    vlkReferralPlace,
    deferment,
    defermentUntil,
    mobilisedOn,
    markEdrpou,
    markUntil,
  ] = t;
  return {
    rnokpp,
    fullName: [lastName, firstName, patronymic].filter(Boolean).join(" "),
    birthDate,
    sex,
    tcc,
    status,
    liability,
    category,
    dataUpdatedOn,
    wanted,
    vlkDate,
    vlkResult,
    vlkReferral: vlkReferralAt && vlkReferralPlace ? { at: vlkReferralAt, place: vlkReferralPlace } : null,
    deferment,
    defermentUntil,
    mobilisedOn,
    reservation: markEdrpou && markUntil ? { edrpou: markEdrpou, untilDate: markUntil } : null,
  };
}

async function readRows(db: Db | DbTx, query: Prisma.Sql): Promise<TccRegisterRow[]> {
  const [row] = await db.$queryRaw<Array<{ data: string }>>(query);
  return (JSON.parse(row?.data ?? "[]") as Tuple[]).map(toRow);
}

/** Birth dates of an age band on `today`: [born after, born on or before]. */
function bornBetween(band: AgeBand, today: string): { after: string | null; until: string | null } {
  const yearsAgo = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  switch (band) {
    case "18-24":
      return { after: yearsAgo(25), until: yearsAgo(18) };
    case "25-59":
      return { after: yearsAgo(60), until: yearsAgo(25) };
    case "60+":
      return { after: null, until: yearsAgo(60) };
  }
}

function filterSql(tcc: string, filter: TccRegisterFilter, today: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [sql`m.tcc = ${tcc}`];
  const q = filter.q?.trim();
  if (q)
    parts.push(
      /^\d{10}$/.test(q)
        ? sql`m.rnokpp = ${q}`
        : sql`p."lastName" ILIKE ${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  if (filter.status) parts.push(sql`m.status = ${filter.status}::oberig."RegistrationStatus"`);
  if (filter.category) parts.push(sql`m.category = ${filter.category}`);
  if (filter.ageBand) {
    const { after, until } = bornBetween(filter.ageBand, today);
    if (after) parts.push(sql`p."birthDate" > ${after}::date`);
    if (until) parts.push(sql`p."birthDate" <= ${until}::date`);
  }
  if (filter.dataUpdated !== undefined)
    parts.push(filter.dataUpdated ? sql`m."dataUpdatedOn" IS NOT NULL` : sql`m."dataUpdatedOn" IS NULL`);
  if (filter.wanted !== undefined) parts.push(sql`m.wanted = ${filter.wanted}`);
  if (filter.vlkDue) parts.push(sql`(m."vlkDate" IS NULL OR m."vlkDate" < ${today}::date - interval '1 year')`);
  const reserved = sql`EXISTS (SELECT 1 FROM oberig.reservation_marks x WHERE x."activeRnokpp" = m.rnokpp AND x."untilDate" >= ${today}::date)`;
  const deferred = sql`(m.deferment IS NOT NULL AND (m."defermentUntil" IS NULL OR m."defermentUntil" >= ${today}::date))`;
  const serving = sql`m."mobilisedOn" IS NOT NULL`;
  switch (filter.protection) {
    case "reserved":
      parts.push(reserved);
      break;
    case "deferred":
      parts.push(deferred);
      break;
    case "serving":
      parts.push(serving);
      break;
    case "none":
      parts.push(sql`NOT ${reserved} AND NOT ${deferred} AND NOT ${serving}`);
      break;
  }
  return Prisma.join(parts, " AND ");
}

export function createTccRegister(db: Db | DbTx): TccRegisterPort {
  return {
    async findTcc(name) {
      return db.tcc.findUnique({ where: { name }, select: { name: true, edrpou: true, region: true, address: true } });
    },

    async listTccRegister(tcc, filter, page) {
      const where = page.after
        ? sql`${filterSql(tcc, filter, page.today)} AND m.rnokpp > ${page.after}`
        : filterSql(tcc, filter, page.today);
      const rows = await readRows(db, selectRows(page.today, where, sql`LIMIT ${page.limit + 1}`));
      const more = rows.length > page.limit;
      const shown = more ? rows.slice(0, page.limit) : rows;
      return { rows: shown, nextAfter: more ? shown[shown.length - 1]!.rnokpp : null };
    },

    async findTccRegisterRnokpps(tcc, filter, options) {
      const rows = await db.$queryRaw<Array<{ rnokpp: string }>>`
        SELECT m.rnokpp FROM oberig.military_registrations m JOIN oberig.persons p ON p.rnokpp = m.rnokpp
        WHERE ${filterSql(tcc, filter, options.today)} ORDER BY m.rnokpp LIMIT ${options.limit}`;
      return rows.map((row) => row.rnokpp);
    },

    async findNoticeFacts(rnokpps, today) {
      if (rnokpps.length === 0) return new Map<string, NoticeFactsRow>();
      const rows = await readRows(db, selectRows(today, sql`m.rnokpp = ${inList(rnokpps)}`, sql``));
      // Persons the registry knows but who are not on the military register at all.
      const known = new Set(rows.map((row) => row.rnokpp));
      const map = new Map<string, NoticeFactsRow>(
        rows.map((row) => [
          row.rnokpp,
          { rnokpp: row.rnokpp, fullName: row.fullName, birthDate: row.birthDate, sex: row.sex, registration: row },
        ]),
      );
      const missing = rnokpps.filter((rnokpp) => !known.has(rnokpp));
      if (missing.length > 0) {
        const persons = await db.person.findMany({
          where: { rnokpp: { in: missing } },
          select: { rnokpp: true, lastName: true, firstName: true, patronymic: true, birthDate: true, sex: true },
        });
        for (const p of persons) {
          map.set(p.rnokpp, {
            rnokpp: p.rnokpp,
            fullName: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" "),
            birthDate: isoDate(p.birthDate),
            sex: p.sex,
            registration: null,
          });
        }
      }
      return map;
    },

    async grantDeferment(tx, rnokpp, deferment) {
      await tx.militaryRegistration.update({
        where: { rnokpp },
        data: {
          deferment: deferment.ground,
          defermentUntil: deferment.until ? new Date(`${deferment.until}T00:00:00Z`) : null,
        },
      });
    },

    async setWanted(tx, rnokpp, wanted) {
      // Conditional on the current flag: the row lock makes a concurrent second change a no-op.
      const changed = wanted
        ? await tx.$executeRaw`
            UPDATE oberig.military_registrations
            SET wanted = true, status = 'WANTED', "updatedAt" = now()
            WHERE rnokpp = ${rnokpp} AND NOT wanted`
        : await tx.$executeRaw`
            UPDATE oberig.military_registrations
            SET wanted = false, "wantedCriminal" = false, "updatedAt" = now(),
              status = CASE WHEN status = 'WANTED' THEN 'ON_REGISTER'::oberig."RegistrationStatus" ELSE status END
            WHERE rnokpp = ${rnokpp} AND wanted`;
      return changed === 1;
    },

    async referToVlk(tx, rnokpp, referral) {
      await tx.militaryRegistration.update({
        where: { rnokpp },
        data: { vlkReferralAt: referral.at, vlkReferralPlace: referral.place },
      });
    },

    async recordDataUpdate(tx, rnokpp, update, today) {
      const { rank, specialty, ...contacts } = update;
      await tx.person.update({ where: { rnokpp }, data: contacts });
      await tx.militaryRegistration.update({
        where: { rnokpp },
        data: { rank, specialty, dataUpdatedOn: new Date(`${today}T00:00:00Z`) },
      });
    },
  };
}
