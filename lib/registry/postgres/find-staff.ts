import "server-only";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { MarkRecord, StaffEmployment, StaffPerson, StaffRecord, StaffScope } from "../types";
import { fullNameOf, toKopiykas } from "./map";

// The bulk read-model behind the rules engine: the pre-check of a 10,000-employee draft, the
// decision, the cabinet's employee list and the daily checks all need, for many persons at
// one enterprise, the registry record, the employments there and the active marks anywhere.
// Set-based queries over the `oberig` tables, each answering with ONE row holding a JSON array
// (json_agg): per-row decoding in the driver costs more than the query for 10,000 rows, one
// JSON.parse costs little. On the shared client they run in parallel; in a transaction one
// after another. "Everyone employed there on a day" reads the enterprise's employments first.

type Tuple = unknown[];

const sql = Prisma.sql;

// The list travels as ONE comma-separated text parameter: a 10,000-element array parameter
// costs the driver adapter far more than splitting a string costs Postgres.
const inList = (rnokpps: readonly string[]) => sql`ANY(string_to_array(${rnokpps.join(",")}, ',')::char(10)[])`;

async function jsonRows(client: Db | DbTx, query: Prisma.Sql): Promise<Tuple[]> {
  const [row] = await client.$queryRaw<Array<{ data: string | null }>>(query);
  return row?.data ? (JSON.parse(row.data) as Tuple[]) : [];
}

function employmentsQuery(edrpou: string, rnokpps: string[] | null) {
  const where = rnokpps === null ? sql`edrpou = ${edrpou}` : sql`edrpou = ${edrpou} AND rnokpp = ${inList(rnokpps)}`;
  return sql`SELECT json_agg(json_build_array(rnokpp, position, "startDate", "endDate", salary::text, "mainJob", suspended)
    ORDER BY "startDate", id)::text AS data FROM oberig.employments WHERE ${where}`;
}

// The person and their military record are two reads, not a join: for 10,000 persons scattered
// over a national registry the join looked each military record up from each person (10,000
// index descents in one backend: 230–400 ms at 10,000,000 persons); as two bitmap scans on two
// connections they take about 130 ms together. Like the marks, they are then separate statements,
// each with its own snapshot under READ COMMITTED: a registry write committed between them is
// seen by one and not the other, as a write between the marks and the persons always was.
function personsQuery(rnokpps: string[]) {
  return sql`SELECT json_agg(json_build_array(
      rnokpp, "lastName", "firstName", patronymic, "birthDate", sex))::text AS data
    FROM oberig.persons WHERE rnokpp = ${inList(rnokpps)}`;
}

function militaryQuery(rnokpps: string[]) {
  return sql`SELECT json_agg(json_build_array(
      rnokpp, status, liability, "dataUpdatedOn", wanted, "wantedCriminal", deferment, "defermentUntil"))::text AS data
    FROM oberig.military_registrations WHERE rnokpp = ${inList(rnokpps)}`;
}

function marksQuery(rnokpps: string[]) {
  return sql`SELECT json_agg(json_build_array(id, rnokpp, edrpou, "fromDate", "untilDate", status, source, "reservationId"))::text AS data
    FROM oberig.reservation_marks WHERE "activeRnokpp" = ${inList(rnokpps)}`;
}

// A list this long or longer reads the enterprise's employments whole and filters them here:
// one index range, whatever the planner believes about freshly loaded tables.
const WHOLE_ENTERPRISE_FROM = 500;

export async function findStaff(client: Db | DbTx, edrpou: string, scope: StaffScope): Promise<StaffRecord[]> {
  let rnokpps: string[];
  let employmentsPending: Promise<StaffEmployment[]>;
  if ("employedOn" in scope) {
    const among = scope.among === undefined ? null : [...new Set(scope.among)];
    if (among?.length === 0) return [];
    const all = (await jsonRows(client, employmentsQuery(edrpou, among))).map(toEmployment);
    const day = scope.employedOn;
    rnokpps = [
      ...new Set(
        all.filter((e) => e.startDate <= day && (e.endDate === null || e.endDate >= day)).map((e) => e.rnokpp),
      ),
    ];
    const wanted = new Set(rnokpps);
    employmentsPending = Promise.resolve(all.filter((e) => wanted.has(e.rnokpp)));
  } else {
    rnokpps = [...new Set(scope.rnokpps)];
    const whole = rnokpps.length >= WHOLE_ENTERPRISE_FROM;
    const wanted = new Set(rnokpps);
    employmentsPending =
      rnokpps.length === 0
        ? Promise.resolve([])
        : jsonRows(client, employmentsQuery(edrpou, whole ? null : rnokpps)).then((rows) =>
            rows.map(toEmployment).filter((e) => wanted.has(e.rnokpp)),
          );
  }
  if (rnokpps.length === 0) return [];

  const [people, military, marks, employments] = await Promise.all([
    jsonRows(client, personsQuery(rnokpps)),
    jsonRows(client, militaryQuery(rnokpps)),
    jsonRows(client, marksQuery(rnokpps)),
    employmentsPending,
  ]);
  const militaryOf = new Map(military.map((m) => [m[0] as string, m]));
  const byPerson = new Map<string, StaffRecord>();
  for (const p of people) {
    const person = toPerson(p, militaryOf.get(p[0] as string));
    byPerson.set(person.rnokpp, { person, employments: [], activeMarks: [] });
  }
  for (const e of employments) byPerson.get(e.rnokpp)?.employments.push(e);
  for (const m of marks) {
    const [id, rnokpp, markEdrpou, fromDate, untilDate, status, source, reservationId] = m as [
      string,
      string,
      string,
      string,
      string,
      MarkRecord["status"],
      string,
      string | null,
    ];
    byPerson
      .get(rnokpp)
      ?.activeMarks.push({ id, rnokpp, edrpou: markEdrpou, fromDate, untilDate, status, source, reservationId });
  }
  return [...byPerson.values()];
}

function toEmployment(t: Tuple): StaffEmployment {
  const [rnokpp, position, startDate, endDate, salary, mainJob, suspended] = t as [
    string,
    string,
    string,
    string | null,
    string,
    boolean,
    boolean,
  ];
  return { rnokpp, position, startDate, endDate, salaryKop: toKopiykas(salary), mainJob, suspended };
}

function toPerson(p: Tuple, m: Tuple | undefined): StaffPerson {
  const [rnokpp, lastName, firstName, patronymic, birthDate, sex] = p as [
    string,
    string,
    string,
    string | null,
    string,
    StaffPerson["sex"],
  ];
  return {
    rnokpp,
    lastName,
    firstName,
    patronymic,
    fullName: fullNameOf({ lastName, firstName, patronymic }),
    birthDate,
    sex,
    military: m === undefined ? null : toMilitary(m),
  };
}

function toMilitary(m: Tuple): NonNullable<StaffPerson["military"]> {
  const [, status, liability, dataUpdatedOn, wanted, wantedCriminal, deferment, defermentUntil] = m as [
    string,
    NonNullable<StaffPerson["military"]>["status"],
    NonNullable<StaffPerson["military"]>["liability"],
    string | null,
    boolean,
    boolean,
    string | null,
    string | null,
  ];
  return { status, liability, dataUpdatedOn, wanted, wantedCriminal, deferment, defermentUntil };
}
