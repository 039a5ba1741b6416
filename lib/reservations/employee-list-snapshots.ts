import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import type { MarkRecord, StaffRecord } from "@/lib/registry";
import type { IsoDate, LiabilityType, Reason, RegistrationStatus } from "@/lib/rules";
import { EMPLOYEE_STATES } from "./constants";
import type { EmployeeState } from "./employee-list-model";
import { modelRow, type EmployeeListModel, type ModelRow, type RowJudgement } from "./employee-list-model";
import type { LimitFigures } from "./types";

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

// The employee list's judged model of one of the largest enterprises, kept in Postgres
// (employee_list_snapshots, one row per enterprise) for one day at the versions it was judged at.
// The worker writes them (refresh-employee-list-snapshots.ts); a web process that meets the
// enterprise for the first time — at the deadline-day peak, every director's first page — reads
// the one row instead of the whole staff scattered over the registry, and judges nobody unless the
// registry changed since (then only the persons changed, as a patch of its own cached model would).
// The row says what it was judged at, so any process may trust it under the version it names:
//   - `date`: a model is the day's (ages, terms and expiries move with it);
//   - `format`: EMPLOYEE_LIST_FORMAT below, bumped with the model's shape or the rules' code;
//   - `version`: the registry's staffVersion and the portal's inputs, as the in-process cache keys them.

/**
 * The shape of a stored model and the code that judged it. Bump it whenever ModelRow, StaffRecord
 * or the rules engine (lib/rules) change: rows of another format are then not read. The unit test
 * beside this file fails until the fingerprint of those sources is brought up to date with it.
 */
export const EMPLOYEE_LIST_FORMAT = 4;

export type EmployeeListSnapshot = {
  version: string;
  model: EmployeeListModel;
  /**
   * Patched since it was last judged whole. A patch trusts the registry's notes of who changed;
   * their one gap (a person's record changed while their hiring here was uncommitted, see
   * decide-reservation-request.ts) is closed by the next whole judgement, which the worker makes
   * within WHOLE_AFTER_MINUTES of a patched list's last one. A decision reads ahead only from a
   * list judged whole.
   */
  patched: boolean;
};

/** A list patched since its last whole judgement is judged whole again after this many minutes. */
export const WHOLE_AFTER_MINUTES = 15;

// Stored compactly: one tuple per row, in the list's order, holding the registry's record and the
// rules' judgement; everything else in a row is derived from the record (modelRow), as a whole
// computation derives it. JSON of tuples, gzip'd by the process (zlib runs on libuv's threads, not
// on the event loop) and kept uncompressed by Postgres (STORAGE EXTERNAL): the 43,784-employee
// enterprise of the national seed is about 4 MB to fetch instead of 48 MB of JSON objects that
// Postgres took 600 ms to decompress.
type MilitaryTuple = [
  status: RegistrationStatus,
  liability: LiabilityType,
  dataUpdatedOn: string | null,
  wanted: 0 | 1,
  wantedCriminal: 0 | 1,
  deferment: string | null,
  defermentUntil: string | null,
];
type PersonTuple = [
  rnokpp: string,
  lastName: string,
  firstName: string,
  patronymic: string | null,
  fullName: string,
  birthDate: string,
  sex: "MALE" | "FEMALE",
  military: MilitaryTuple | null,
];
type EmploymentTuple = [
  position: string,
  startDate: string,
  endDate: string | null,
  salaryKop: number,
  mainJob: 0 | 1,
  suspended: 0 | 1,
];
type MarkTuple = [
  id: string,
  edrpou: string,
  fromDate: string,
  untilDate: string,
  status: MarkRecord["status"],
  source: string,
  reservationId: string | null,
];
type JudgementTuple = [
  eligible: 0 | 1,
  reasons: Reason[],
  state: EmployeeState,
  reservedUntil: IsoDate | null,
  exception45: 0 | 1,
];
type RowTuple = [person: PersonTuple, employments: EmploymentTuple[], marks: MarkTuple[], judged: JudgementTuple];
type StoredModel = { limit: LimitFigures; rows: RowTuple[] };

const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

function encodeRow(row: ModelRow, record: StaffRecord): RowTuple {
  const { person } = record;
  const m = person.military;
  return [
    [
      person.rnokpp,
      person.lastName,
      person.firstName,
      person.patronymic,
      person.fullName,
      person.birthDate,
      person.sex,
      m
        ? [m.status, m.liability, m.dataUpdatedOn, bit(m.wanted), bit(m.wantedCriminal), m.deferment, m.defermentUntil]
        : null,
    ],
    record.employments.map((e) => [e.position, e.startDate, e.endDate, e.salaryKop, bit(e.mainJob), bit(e.suspended)]),
    record.activeMarks.map((k) => [k.id, k.edrpou, k.fromDate, k.untilDate, k.status, k.source, k.reservationId]),
    [bit(row.eligible), row.reasons, row.state, row.reservedUntil, bit(row.exception45)],
  ];
}

function decodeRecord([p, employments, marks]: RowTuple): StaffRecord {
  const [rnokpp, lastName, firstName, patronymic, fullName, birthDate, sex, m] = p;
  return {
    person: {
      rnokpp,
      lastName,
      firstName,
      patronymic,
      fullName,
      birthDate,
      sex,
      military: m
        ? {
            status: m[0],
            liability: m[1],
            dataUpdatedOn: m[2],
            wanted: m[3] === 1,
            wantedCriminal: m[4] === 1,
            deferment: m[5],
            defermentUntil: m[6],
          }
        : null,
    },
    employments: employments.map(([position, startDate, endDate, salaryKop, mainJob, suspended]) => ({
      rnokpp,
      position,
      startDate,
      endDate,
      salaryKop,
      mainJob: mainJob === 1,
      suspended: suspended === 1,
    })),
    activeMarks: marks.map(([id, edrpou, fromDate, untilDate, status, source, reservationId]) => ({
      id,
      rnokpp,
      edrpou,
      fromDate,
      untilDate,
      status,
      source,
      reservationId,
    })),
  };
}

function decodeJudgement([eligible, reasons, state, reservedUntil, exception45]: JudgementTuple): RowJudgement {
  if (!EMPLOYEE_STATES.includes(state)) throw new Error(`невідомий стан працівника у знімку: ${String(state)}`);
  if (!Array.isArray(reasons)) throw new Error("причини працівника у знімку не є списком");
  return { eligible: eligible === 1, reasons, state, reservedUntil, exception45: exception45 === 1 };
}

/** The model as stored: compact tuples, gzip'd. */
export async function encodeEmployeeListModel(model: EmployeeListModel): Promise<Uint8Array> {
  const stored: StoredModel = {
    limit: model.limit,
    rows: model.rows.map((row) => {
      const record = model.staff.get(row.rnokpp);
      if (!record) throw new Error(`у моделі списку немає запису реєстру для рядка ${row.rnokpp}`);
      return encodeRow(row, record);
    }),
  };
  return gzip(Buffer.from(JSON.stringify(stored)), { level: 3 });
}

/** The model of the day back from its stored bytes (rows in the list's order, as stored). */
export async function decodeEmployeeListModel(bytes: Uint8Array, date: IsoDate): Promise<EmployeeListModel> {
  const stored = JSON.parse((await gunzip(bytes)).toString("utf8")) as StoredModel;
  // What the worker wrote, checked for its shape (a row is checked as it is decoded): a model that
  // does not fit is refused, and the caller judges the list itself.
  if (!Array.isArray(stored?.rows) || typeof stored.limit?.total !== "number")
    throw new Error("збережений список працівників має не той вигляд");
  const staff = new Map<string, StaffRecord>();
  const rows = stored.rows.map((tuple) => {
    const record = decodeRecord(tuple);
    staff.set(record.person.rnokpp, record);
    return modelRow(record, date, decodeJudgement(tuple[3]));
  });
  return assembleModel(date, rows, stored.limit, staff);
}

/** Which stored list a caller can use; any other is not even fetched. */
type SnapshotWanted = {
  edrpou: string;
  date: IsoDate;
  /** Only a list of at most this many employees (a caller that wants a few of them). */
  atMost?: number;
  /** Only a list judged at these portal inputs (ModelVersions.portalVersion). */
  portalVersion?: string;
  /** Only a list judged whole and not patched since (EmployeeListSnapshot.patched). */
  wholeOnly?: boolean;
};

/** The rows of the enterprise's day and this format that fit what the caller wants. */
const wanted = (input: SnapshotWanted) => Prisma.sql`
  edrpou = ${input.edrpou} AND date = ${input.date}::date AND format = ${EMPLOYEE_LIST_FORMAT}
  AND "employeeCount" <= ${input.atMost ?? 2_147_483_647}
  AND (${input.portalVersion ?? null}::text IS NULL OR substr(version, strpos(version, '#') + 1) = ${input.portalVersion ?? null}::text)
  AND (NOT ${input.wholeOnly === true} OR "builtAt" <= "wholeAt")`;

/** The enterprise's stored model of the day, if there is one that fits. */
export async function readEmployeeListSnapshot(
  ctx: Ctx<"db">,
  input: SnapshotWanted,
): Promise<EmployeeListSnapshot | null> {
  const rows = await ctx.db.$queryRaw<Array<{ version: string; model: Uint8Array; patched: boolean }>>`
    SELECT version, model, "builtAt" > "wholeAt" AS patched FROM employee_list_snapshots WHERE ${wanted(input)}`;
  const row = rows[0];
  // A version that does not name both parts is not one this code wrote.
  if (!row || !/^\d+#/.test(row.version)) return null;
  return {
    version: row.version,
    model: await decodeEmployeeListModel(row.model, input.date),
    patched: row.patched,
  };
}

/** Whether the enterprise has a stored model of the day that fits. */
export async function hasEmployeeListSnapshot(ctx: Ctx<"db">, input: SnapshotWanted): Promise<boolean> {
  const rows = await ctx.db.$queryRaw<Array<{ found: number }>>`
    SELECT 1 AS found FROM employee_list_snapshots WHERE ${wanted(input)}`;
  return rows.length > 0;
}

/**
 * Stores the model as the enterprise's, replacing whatever it had (another day's, an older
 * version's). `whole`: judged whole now; a patch keeps the time of the last whole judgement.
 */
export async function writeEmployeeListSnapshot(
  ctx: Ctx<"db">,
  input: { edrpou: string; version: string; model: EmployeeListModel; whole: boolean },
): Promise<void> {
  const { edrpou, version, model, whole } = input;
  const bytes = await encodeEmployeeListModel(model);
  await ctx.db.$executeRaw`
    INSERT INTO employee_list_snapshots (edrpou, date, format, version, "employeeCount", model, "builtAt", "wholeAt")
    VALUES (${edrpou}, ${model.date}::date, ${EMPLOYEE_LIST_FORMAT}, ${version}, ${model.rows.length}, ${bytes},
            now(), now())
    ON CONFLICT (edrpou) DO UPDATE SET date = excluded.date, format = excluded.format, version = excluded.version,
      "employeeCount" = excluded."employeeCount", model = excluded.model, "builtAt" = excluded."builtAt",
      "wholeAt" = CASE WHEN ${whole} THEN excluded."wholeAt" ELSE employee_list_snapshots."wholeAt" END`;
}

/** Forgets the stored models of other days, of another format, or of enterprises no longer kept. */
export async function dropEmployeeListSnapshots(
  ctx: Ctx<"db">,
  input: { date: IsoDate; keep: readonly string[] },
): Promise<number> {
  return ctx.db.$executeRaw`
    DELETE FROM employee_list_snapshots
    WHERE date <> ${input.date}::date OR format <> ${EMPLOYEE_LIST_FORMAT} OR edrpou <> ALL(${[...input.keep]}::char(8)[])`;
}

/** The model of these rows, with its counts and its records by РНОКПП. */
export function assembleModel(
  date: IsoDate,
  rows: ModelRow[],
  limit: LimitFigures,
  staff: ReadonlyMap<string, StaffRecord>,
): EmployeeListModel {
  return {
    date,
    rows,
    limit,
    staff,
    counts: {
      employees: rows.length,
      eligible: rows.filter((r) => r.eligible).length,
      reserved: rows.filter((r) => r.state === "reserved" || r.state === "expiring").length,
    },
  };
}
