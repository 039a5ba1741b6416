import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfficialActor } from "@/lib/auth/roles";
import { createCtx } from "@/lib/context-server";
import { db, disconnectDb } from "@/lib/db/client";
import { startEmbeddedCluster, startReplica, type RunningCluster, type RunningReplica } from "@/lib/db/cluster";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/migrations";
import { getCompanyOverview } from "@/lib/company/get-company-overview";
import { getEmployeeDetail } from "@/lib/company/get-employee-detail";
import { listCompanyApplications } from "@/lib/company/list-company-applications";
import { listPendingDrafts } from "@/lib/reservations/list-pending-drafts";
import { getDashboard } from "@/lib/enterprises/get-dashboard";
import { listDecisions } from "@/lib/enterprises/list-decisions";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listEmployees } from "@/lib/reservations";
import { createWorld } from "@/lib/reservations/testing/world";
import { createAuthority, createPerson, createUser } from "@/prisma/seed/factories";

// Postgres' own streaming replication on one machine (issue 10, part 6): a base backup of a
// running embedded primary becomes a hot standby that follows it; Prisma's read-replicas
// extension sends read-only work there. Writes on the primary are read back from the replica.

let workDir: string;
let primary: RunningCluster;
let replica: RunningReplica;

async function query<T extends Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Streaming replication is asynchronous: reads on the replica until the rows appear, at most `withinMs`. */
async function untilOnReplica(url: string, text: string, values: unknown[], withinMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await query(url, text, values)).length > 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}

/** Runs `body` with the process's clients on this primary and its replica (DATABASE_REPLICA_URLS). */
async function withReplicaConfigured(body: () => Promise<void>): Promise<void> {
  const saved = { primary: process.env.DATABASE_URL, replicas: process.env.DATABASE_REPLICA_URLS };
  await disconnectDb();
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_REPLICA_URLS = replica.url;
  resetEnvCache();
  try {
    await body();
  } finally {
    await query(replica.url, "SELECT pg_wal_replay_resume()");
    await disconnectDb();
    process.env.DATABASE_URL = saved.primary;
    if (saved.replicas === undefined) delete process.env.DATABASE_REPLICA_URLS;
    else process.env.DATABASE_REPLICA_URLS = saved.replicas;
    resetEnvCache();
  }
}

async function pauseReplay(): Promise<void> {
  await query(replica.url, "SELECT pg_wal_replay_pause()");
  const pausedAfterMs = await untilOnReplica(
    replica.url,
    "SELECT 1 WHERE pg_get_wal_replay_pause_state() = 'paused'",
    [],
    10_000,
  );
  expect(pausedAfterMs, "replay never paused").not.toBeNull();
}

/**
 * Resumes replay and waits until the replica has replayed everything the primary has written so
 * far. The primary commits asynchronously (synchronous_commit=off): a commit just made may still
 * be in its WAL buffers, past pg_current_wal_lsn() (the write position), so the target is the
 * insert position, which the WAL writer flushes within wal_writer_delay.
 */
async function resumeReplayAndCatchUp(): Promise<void> {
  const [written] = await query<{ lsn: string }>(primary.url, "SELECT pg_current_wal_insert_lsn()::text AS lsn");
  await query(replica.url, "SELECT pg_wal_replay_resume()");
  const replayedAfterMs = await untilOnReplica(
    replica.url,
    "SELECT 1 WHERE pg_last_wal_replay_lsn() >= $1::pg_lsn",
    [written!.lsn],
    20_000,
  );
  expect(replayedAfterMs, "the replica never replayed the primary's writes after resuming").not.toBeNull();
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-replica-"));
  await chmod(workDir, 0o755);
  primary = await startEmbeddedCluster({
    folder: path.join(workDir, "postgres"),
    owner: "replica test",
    database: "bronya",
    ephemeral: true,
  });
  // The portal's schema too, so that its read-only contexts can run on the replica.
  await applyMigrations({ databaseUrl: primary.url, migrationsDir: path.resolve("prisma/migrations") });
  await query(primary.url, "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)");
  await query(primary.url, "INSERT INTO notes (body) VALUES ('before the backup')");
  replica = await startReplica({
    primaryFolder: path.join(workDir, "postgres"),
    primaryAdminUrl: primary.adminUrl,
    folder: path.join(workDir, "postgres-replica"),
    owner: "replica test",
    database: "bronya",
    ephemeral: true,
  });
}, 180_000);

afterAll(async () => {
  await replica?.stop();
  await primary?.stop();
  await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("a streaming replica of the embedded primary", () => {
  it("is a hot standby with the primary's data from before the backup", async () => {
    expect(replica.created).toBe(true);
    const [state] = await query<{ recovering: boolean }>(replica.url, "SELECT pg_is_in_recovery() AS recovering");
    expect(state?.recovering).toBe(true);
    const rows = await query<{ body: string }>(replica.url, "SELECT body FROM notes ORDER BY id");
    expect(rows.map((row) => row.body)).toEqual(["before the backup"]);
    const [sender] = await query<{ state: string; slot: string | null }>(
      primary.adminUrl,
      "SELECT r.state, s.slot_name AS slot FROM pg_stat_replication r LEFT JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE r.application_name = 'bronya_replica'",
    );
    expect(sender).toEqual({ state: "streaming", slot: "bronya_replica" });
  });

  it("reads back a row written on the primary, and reports the replication lag", async () => {
    const written = Date.now();
    const [row] = await query<{ id: number }>(primary.url, "INSERT INTO notes (body) VALUES ($1) RETURNING id", [
      `written at ${written}`,
    ]);
    const seenAfterMs = await untilOnReplica(replica.url, "SELECT 1 FROM notes WHERE id = $1", [row!.id], 5_000);
    expect(seenAfterMs, "the row never reached the replica within 5 s").not.toBeNull();
    const lag = await replica.lag();
    expect(lag.bytes).toBeGreaterThanOrEqual(0);
    console.info(
      `replication: row visible on the replica after ${seenAfterMs} ms; WAL behind ${lag.bytes} B; replay lag ${lag.replayDelayMs ?? "—"} ms`,
    );
  });

  it("gives a read-only context (the ministry's list and dashboard) the replica and every other context the primary", async () => {
    await withReplicaConfigured(async () => {
      const inRecovery = async (readOnly: boolean) =>
        (await createCtx({ actor: null, readOnly }).db.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0]!
          .r;
      expect(await inRecovery(true)).toBe(true);
      expect(await inRecovery(false)).toBe(false);

      // Replay paused: an official written on the primary now is not on the replica yet, so the
      // pages' read-only contexts cannot find their authority until replay goes on.
      await query(replica.url, "SELECT pg_wal_replay_pause()");
      await untilOnReplica(replica.url, "SELECT 1 WHERE pg_get_wal_replay_pause_state() = 'paused'", [], 10_000);
      const authority = await createAuthority(db, { kind: "MINISTRY", kvedSections: ["C"], shortName: "Мінрепліка" });
      const { user } = await createUser(db, {
        role: "OFFICIAL",
        authorityId: authority.id,
        fullName: "Репліка Ольга Петрівна",
      });
      const actor: OfficialActor = {
        userId: user.id,
        rnokpp: user.rnokpp,
        fullName: user.fullName,
        role: "OFFICIAL",
        authorityId: authority.id,
        via: "password",
      };
      expect((await listDecisions(createCtx({ actor }))).total).toBe(0);
      await expect(listDecisions(createCtx({ actor, readOnly: true }))).rejects.toThrow(/Орган влади не знайдено/);
      await expect(getDashboard(createCtx({ actor, readOnly: true }))).rejects.toThrow(/Орган влади не знайдено/);

      await query(replica.url, "SELECT pg_wal_replay_resume()");
      const replayedAfterMs = await untilOnReplica(
        replica.url,
        "SELECT 1 FROM authorities WHERE id = $1::uuid",
        [authority.id],
        10_000,
      );
      expect(replayedAfterMs, "the authority never reached the replica after resuming replay").not.toBeNull();
      expect((await listDecisions(createCtx({ actor, readOnly: true }))).total).toBe(0);
      expect((await getDashboard(createCtx({ actor, readOnly: true }))).totals.enterprises).toBe(0);
    });
  }, 60_000);

  it("gives the director's read pages (overview, employees, an employee, applications) the replica: a registry write is theirs only once replayed, and the employee list's cache never crosses versions", async () => {
    await withReplicaConfigured(async () => {
      // Replay paused while the enterprise is created: the primary knows the director, the replica not yet.
      await pauseReplay();
      const world = await createWorld(createCtx({ actor: null }), { serial: 801, employees: 3, withHeadKey: false });
      const head = world.head.actor;
      const primaryCtx = () => createCtx({ actor: head });
      const replicaCtx = () => createCtx({ actor: head, readOnly: true });
      const staff = async (ctx: ReturnType<typeof primaryCtx>) =>
        (await listEmployees(ctx, { edrpou: world.edrpou, pageSize: 50 })).items.map((row) => row.fullName);
      expect(await staff(primaryCtx())).toHaveLength(3);
      for (const read of [
        () => getCompanyOverview(replicaCtx()),
        () => staff(replicaCtx()),
        () => getEmployeeDetail(replicaCtx(), { rnokpp: world.employees[0]! }),
        () => listCompanyApplications(replicaCtx(), {}),
      ])
        await expect(read()).rejects.toMatchObject({ code: "ENTERPRISE_NOT_FOUND" });
      // The drafts waiting for a signature are read from the primary (discarding one lands on that page).
      expect(await listPendingDrafts(primaryCtx())).toEqual([]);

      await resumeReplayAndCatchUp();
      expect(await staff(replicaCtx())).toHaveLength(3);
      expect((await getCompanyOverview(replicaCtx())).counts.employees).toBe(3);
      expect((await getEmployeeDetail(replicaCtx(), { rnokpp: world.employees[0]! })).rnokpp).toBe(world.employees[0]);
      expect((await listCompanyApplications(replicaCtx(), {})).list.total).toBe(0);

      // A registry write while replay is paused: someone hired. The primary's list has them
      // (its newer staff version computes a new model); the read-only pages do not, and the
      // model the primary cached is not handed to them, nor theirs to the primary.
      await pauseReplay();
      const hired = await createPerson(db, {
        lastName: "Новоприйнятий",
        employments: [{ edrpou: world.edrpou, salary: 30_000, reportedOn: world.today }],
      });
      expect((await staff(primaryCtx())).filter((name) => name.startsWith("Новоприйнятий"))).toHaveLength(1);
      expect((await getCompanyOverview(primaryCtx())).counts.employees).toBe(4);
      expect(await staff(replicaCtx())).toHaveLength(3);
      expect((await getCompanyOverview(replicaCtx())).counts.employees).toBe(3);
      await expect(getEmployeeDetail(replicaCtx(), { rnokpp: hired.rnokpp })).rejects.toMatchObject({
        code: "EMPLOYEE_NOT_FOUND",
      });
      expect(await staff(primaryCtx())).toHaveLength(4);
      expect(await staff(replicaCtx())).toHaveLength(3);

      await resumeReplayAndCatchUp();
      expect(await staff(replicaCtx())).toHaveLength(4);
      expect((await getCompanyOverview(replicaCtx())).counts.employees).toBe(4);
      expect((await getEmployeeDetail(replicaCtx(), { rnokpp: hired.rnokpp })).rnokpp).toBe(hired.rnokpp);
    });
  }, 90_000);

  it("refuses writes on the replica", async () => {
    await expect(query(replica.url, "INSERT INTO notes (body) VALUES ('on the standby')")).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it("routes Prisma's read-only work to the replica and transactions to the primary (@prisma/extension-read-replicas)", async () => {
    const client = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    const replicated = client(primary.url).$extends(readReplicas({ replicas: [client(replica.url)] }));
    try {
      const onReplica = await replicated.$replica().$queryRaw<
        { recovering: boolean }[]
      >`SELECT pg_is_in_recovery() AS recovering`;
      expect(onReplica[0]?.recovering).toBe(true);
      const onPrimary = await replicated.$queryRaw<{ recovering: boolean }[]>`SELECT pg_is_in_recovery() AS recovering`;
      expect(onPrimary[0]?.recovering).toBe(false);
      const inTransaction = await replicated.$transaction(
        (tx) => tx.$queryRaw<{ recovering: boolean }[]>`SELECT pg_is_in_recovery() AS recovering`,
      );
      expect(inTransaction[0]?.recovering).toBe(false);
    } finally {
      await replicated.$disconnect();
    }
  });

  it("starts the kept replica folder again after a stop, without a new base backup", async () => {
    const folder = path.join(workDir, "postgres-replica-kept");
    const first = await startReplica({
      primaryFolder: path.join(workDir, "postgres"),
      primaryAdminUrl: primary.adminUrl,
      folder,
      owner: "replica test",
      database: "bronya",
      name: "bronya_replica_kept",
    });
    await first.stop();
    await query(primary.url, "INSERT INTO notes (body) VALUES ('while the replica was down')");
    const again = await startReplica({
      primaryFolder: path.join(workDir, "postgres"),
      primaryAdminUrl: primary.adminUrl,
      folder,
      owner: "replica test",
      database: "bronya",
      name: "bronya_replica_kept",
      ephemeral: true,
    });
    try {
      expect(again.created).toBe(false);
      const caughtUpAfterMs = await untilOnReplica(
        again.url,
        "SELECT 1 FROM notes WHERE body = $1",
        ["while the replica was down"],
        30_000,
      );
      expect(caughtUpAfterMs, "the restarted replica never replayed the row written while it was down").not.toBeNull();
      expect(
        await query(again.url, "SELECT 1 FROM notes WHERE body = $1", ["while the replica was down"]),
      ).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it("refuses a folder that is not a replica and changes nothing in it", async () => {
    const folder = path.join(workDir, "not-a-replica");
    await mkdir(folder);
    await writeFile(path.join(folder, "notes.txt"), "mine");
    const attempt = startReplica({
      primaryFolder: path.join(workDir, "postgres"),
      primaryAdminUrl: primary.adminUrl,
      folder,
      owner: "replica test",
      database: "bronya",
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/не є реплікою/);
  });
});
