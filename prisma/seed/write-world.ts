import "server-only";
// Writes a generated world into Postgres in one transaction: either the whole demo lands or
// nothing does, so an interrupted seed never leaves a half-filled registry behind.

import type pg from "pg";
import type { World } from "./build-world";
import { NOW_UTC, insertRows, type Table } from "./sql/bulk-insert";
import { copyInto, copyText } from "./sql/copy-rows";
import { dropSecondaryIndexes, rebuildIndexes } from "./sql/indexes";
import {
  AUTHORITIES,
  DECISION_EVENTS,
  EMPLOYMENTS,
  ENTERPRISES,
  MARKS,
  MEMBERSHIPS,
  PERSONS,
  REGISTRATIONS,
  SERVICE_PERIODS,
  UNITS,
  CENTRES,
  CENTRE_UNITS,
  USERS,
  VACANCIES,
  TCCS,
  decisionsTable,
} from "./sql/tables";
import type {
  EmploymentRow,
  MarkRow,
  MembershipRow,
  PersonRow,
  RegistrationRow,
  ServicePeriodRow,
  UserRow,
} from "./rows";

export type SeedCounts = {
  persons: number;
  registrations: number;
  employments: number;
  marks: number;
  servicePeriods: number;
  enterprises: number;
  authorities: number;
  decisions: number;
  units: number;
  vacancies: number;
  users: number;
};

export type ProgressListener = (done: number, total: number) => void;

export type WriteOptions = {
  onProgress?: ProgressListener;
  /** Drop the population tables' secondary indexes for the load and build them after (large seeds). */
  rebuildIndexes?: boolean;
  log?: (line: string) => void;
};

const POPULATION_TABLES = [
  '"oberig"."persons"',
  '"oberig"."military_registrations"',
  '"oberig"."employments"',
  '"oberig"."reservation_marks"',
  '"oberig"."service_periods"',
];

export async function writeWorld(
  client: pg.ClientBase,
  world: World,
  accounts: { users: UserRow[]; memberships: MembershipRow[] },
  options: WriteOptions = {},
): Promise<SeedCounts> {
  const onProgress = options.onProgress ?? (() => undefined);
  const log = options.log ?? (() => undefined);
  const counts: SeedCounts = {
    persons: 0,
    registrations: 0,
    employments: 0,
    marks: 0,
    servicePeriods: 0,
    enterprises: 0,
    authorities: 0,
    decisions: 0,
    units: 0,
    vacancies: 0,
    users: 0,
  };
  counts.authorities = await insertRows(client, AUTHORITIES, world.authorities);
  // Heads are people generated below: enterprises go in first without them, then get them.
  counts.enterprises = await insertRows(
    client,
    ENTERPRISES,
    world.enterprises.map((enterprise) => ({ ...enterprise, headRnokpp: null })),
  );
  counts.units = await insertRows(client, UNITS, world.units);
  counts.vacancies = await insertRows(client, VACANCIES, world.vacancies);
  await insertRows(client, TCCS, world.tccs);
  await insertRows(client, CENTRES, world.centres);
  await insertRows(client, CENTRE_UNITS, world.centreUnits);

  const dropped = options.rebuildIndexes ? await dropSecondaryIndexes(client, POPULATION_TABLES) : [];

  // Timestamps the database would set, fixed once for the whole seed (UTC, no time zone, as
  // Prisma stores DateTime).
  const {
    rows: [clock],
  } = await client.query<{ now: string }>(`SELECT to_char(${NOW_UTC}, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS now`);
  const sqlValues = { [NOW_UTC]: clock!.now };
  const tables = {
    persons: { table: PERSONS, sqlValues },
    registrations: { table: REGISTRATIONS, sqlValues },
    employments: { table: EMPLOYMENTS, sqlValues },
    marks: { table: MARKS, sqlValues },
    servicePeriods: { table: SERVICE_PERIODS, sqlValues },
  };

  onProgress(0, world.persons);
  // Each chunk is encoded and streamed with COPY, one table after another, while the next chunk
  // is generated: Postgres loads while JavaScript generates, and they take turns only at the
  // await. Memory holds two chunks at most, whatever the registry's size.
  let pending: Promise<unknown> | null = null;
  for (const chunk of world.population) {
    const persons: PersonRow[] = [];
    const registrations: RegistrationRow[] = [];
    const employments: EmploymentRow[] = [];
    const marks: MarkRow[] = [];
    const servicePeriods: ServicePeriodRow[] = [];
    for (const bundle of chunk) {
      persons.push(bundle.person);
      if (bundle.registration) registrations.push(bundle.registration);
      employments.push(...bundle.employments);
      marks.push(...bundle.marks);
      servicePeriods.push(...bundle.servicePeriods);
    }
    const text = {
      persons: copyText(tables.persons, persons),
      registrations: copyText(tables.registrations, registrations),
      employments: copyText(tables.employments, employments),
      marks: copyText(tables.marks, marks),
      servicePeriods: copyText(tables.servicePeriods, servicePeriods),
    };
    if (pending) await pending;
    onProgress(counts.persons, world.persons);
    pending = (async () => {
      await copyInto(client, PERSONS as Table<unknown>, text.persons);
      await copyInto(client, REGISTRATIONS as Table<unknown>, text.registrations);
      await copyInto(client, EMPLOYMENTS as Table<unknown>, text.employments);
      await copyInto(client, MARKS as Table<unknown>, text.marks);
      await copyInto(client, SERVICE_PERIODS as Table<unknown>, text.servicePeriods);
    })();
    // A rejected COPY is awaited on the next turn or after the loop; keep it from being "unhandled" meanwhile.
    pending.catch(() => undefined);
    counts.persons += persons.length;
    counts.registrations += registrations.length;
    counts.employments += employments.length;
    counts.marks += marks.length;
    counts.servicePeriods += servicePeriods.length;
  }
  if (pending) await pending;
  onProgress(counts.persons, world.persons);

  if (dropped.length > 0) {
    const started = Date.now();
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await rebuildIndexes(client, dropped, (done, total, name) => {
      if (name) log(`Будую індекс ${done + 1}/${total}: ${name}…`);
    });
    log(`Індекси побудовано за ${((Date.now() - started) / 1000).toFixed(0)} с.`);
  }

  const { heads, decisions, events } = world.finish();
  await client.query(
    `UPDATE "oberig"."enterprises" AS e SET "headRnokpp" = h.head FROM unnest($1::text[], $2::text[]) AS h(edrpou, head) WHERE e.edrpou = h.edrpou`,
    [heads.map((head) => head.edrpou), heads.map((head) => head.headRnokpp)],
  );
  const withHeadcount = await hasColumn(client, "public", "critical_decisions", "headcount");
  counts.decisions = await insertRows(client, decisionsTable(withHeadcount), decisions);
  await insertRows(client, DECISION_EVENTS, events);
  // The registry's triggers are off for the seed's transaction where Postgres allows it: every
  // enterprise gets a fresh staff version here (new numbers, so no cached list survives a reseed),
  // each a change of the whole staff (no list cached before is patched from oberig.staff_changes).
  await client.query(
    `INSERT INTO "oberig"."staff_versions" ("edrpou", "version", "wholeVersion")
     SELECT edrpou, v, v FROM (SELECT edrpou, nextval('"oberig"."staff_version_seq"') AS v FROM "oberig"."enterprises") e ORDER BY edrpou
     ON CONFLICT ("edrpou") DO UPDATE SET "version" = EXCLUDED."version", "wholeVersion" = EXCLUDED."wholeVersion"`,
  );
  // Where the triggers could not be switched off they noted the seed's writes person by person;
  // every version now stands for the whole staff, so those notes say nothing.
  await client.query(`DELETE FROM "oberig"."staff_changes"`);
  counts.users = await insertRows(client, USERS, accounts.users);
  await insertRows(client, MEMBERSHIPS, accounts.memberships);
  return counts;
}

async function hasColumn(client: pg.ClientBase, schema: string, table: string, column: string): Promise<boolean> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3",
    [schema, table, column],
  );
  return (rowCount ?? 0) > 0;
}
