import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";
import { closePreparedReads } from "@/lib/db/prepared-read";
import { quoteIdentifier, startEmbeddedCluster, withDatabaseName, type RunningCluster } from "@/lib/db/cluster";
import { DEFAULT_MIGRATIONS_DIR, applyMigrations, readMigrationsFolder } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors";
import { resetEnvCache } from "@/lib/env";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createCtx } from "@/lib/context-server";
import { refreshEmployeeListSnapshots } from "@/lib/reservations/refresh-employee-list-snapshots";
import { DEFAULT_PERSONS, ZSeedSize, seedDemo } from "@/prisma/seed";
import { DEFAULT_SEED } from "@/prisma/seed/build-world";
import { progressPrinter } from "@/prisma/seed/progress";

// A benchmark's database: an embedded Postgres with durable settings (fsync on, as `npm run dev`
// runs it — the test harness's no-fsync cluster would flatter the figures), migrated and filled
// with the demo seed at the size asked for (BENCH_PERSONS or `npm run bench -- --persons N`,
// default 30,000), the 10,000-employee enterprise included.
//
// The seeded cluster is CACHED between runs in BENCH_CACHE_DIR (default <tmp>/bronya-bench-cache),
// one folder per size, keyed by (size, seed, migrations): a 10,000,000-person run seeds once
// and then starts in seconds. A key that no longer matches (a new migration) deletes the old
// folder BEFORE seeding the new one, so a size never has two copies on disk.
//
// Runs start from the same state. Below COPY_FROM persons each run gets its own copy of the
// template (CREATE DATABASE … TEMPLATE, a second or so); from COPY_FROM on a copy would double
// the disk, so runs use the template itself and `clone`/`drop` reset it instead: every table
// the seed left empty (applications, reservations, notifications, audit…) is emptied again and
// the registry marks the portal wrote are deleted (the seed's own marks come from Дія).
//
// The domain code reads DATABASE_URL through lib/env: useDatabase() points the process (its
// Prisma client and job sender) at a database.

const TEMPLATE = "bronya_bench_template";
/** From this size runs reset the one database instead of copying it (BENCH_IN_PLACE_FROM overrides, to try it small). */
const COPY_FROM = Number(process.env.BENCH_IN_PLACE_FROM ?? 1_000_000);
/** Tables the seed keeps filled though the portal writes them (КЕП test CA). */
// employee_list_snapshots: the worker's judged lists stay valid across runs (a reset bumps the
// versions of the enterprises whose staff it changes, and those are judged again).
const KEPT = new Set(["_prisma_migrations", "ca_keys", "certificates", "employee_list_snapshots"]);

export type BenchDatabase = {
  templateUrl: string;
  persons: number;
  /** A database in the seeded state for one run; returns its URL. */
  clone(name: string): Promise<string>;
  drop(name: string): Promise<void>;
  stop(): Promise<void>;
};

type CacheMeta = {
  key: string;
  persons: number;
  seed: number;
  migrations: string;
  seededOn: string;
  seedSeconds: number;
  emptyTables: string[];
};

export async function useDatabase(url: string): Promise<void> {
  await releaseDatabase();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

/** Closes the process's connections (a template must have none when it is copied). */
export async function releaseDatabase(): Promise<void> {
  await stopSenderBoss();
  await disconnectDb();
  await closePreparedReads();
}

/** The registry size for benchmarks: BENCH_PERSONS (set by `npm run bench -- --persons N`), else 30,000. */
export function benchPersons(): number {
  const raw = process.env.BENCH_PERSONS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_PERSONS;
  const parsed = ZSeedSize.safeParse(raw.trim().replace(/[ _]/g, ""));
  if (!parsed.success)
    throw new AppError(
      "BENCH_BAD_PERSONS",
      `BENCH_PERSONS: ${parsed.error.issues[0]?.message ?? "некоректне значення"}.`,
    );
  return parsed.data;
}

export function benchCacheDir(): string {
  return path.resolve(process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), "bronya-bench-cache"));
}

async function migrationsFingerprint(): Promise<string> {
  const onDisk = await readMigrationsFolder(DEFAULT_MIGRATIONS_DIR);
  const hash = createHash("sha256");
  for (const migration of onDisk.migrations) hash.update(`${migration.name}\n${migration.sql}\n`);
  return hash.digest("hex").slice(0, 16);
}

async function readMeta(file: string): Promise<CacheMeta | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as CacheMeta;
  } catch {
    return null;
  }
}

export async function prepareSeededDatabase(options: {
  log: (line: string) => void;
  persons?: number;
  /** Extra set-up on the template (keys, tokens), run with the process pointed at it. */
  prepare?: () => Promise<void>;
}): Promise<BenchDatabase> {
  const persons = options.persons ?? benchPersons();
  const migrations = await migrationsFingerprint();
  const key = `${persons}-${DEFAULT_SEED}-${migrations}`;
  const folder = path.join(benchCacheDir(), String(persons));
  const metaFile = path.join(folder, "bench-cache.json");
  const clusterFolder = path.join(folder, "postgres");

  let meta = await readMeta(metaFile);
  if (meta && meta.key !== key) {
    options.log(
      `Кеш бази для вимірювань (${persons.toLocaleString("uk-UA")} осіб) застарів (інші міграції або зерно): видаляю його перед новим засіванням`,
    );
    await rm(folder, { recursive: true, force: true });
    meta = null;
  }
  if (!meta) await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true, mode: 0o755 });

  let cluster: RunningCluster | null = null;
  try {
    cluster = await startEmbeddedCluster({
      folder: clusterFolder,
      owner: "npm run bench",
      database: TEMPLATE,
      // BENCH_STATEMENTS=1: the peak reports which statements took Postgres's time.
      statements: process.env.BENCH_STATEMENTS === "1",
    });
    if (meta) {
      options.log(
        `База для вимірювань з кешу: ${persons.toLocaleString("uk-UA")} осіб, засіяна ${meta.seededOn} за ${meta.seedSeconds.toFixed(0)} с (${folder})`,
      );
    } else {
      const started = Date.now();
      await applyMigrations({ databaseUrl: cluster.url });
      const progress = progressPrinter(process.stderr);
      let seededOn: string;
      try {
        const seeded = await seedDemo({
          databaseUrl: cluster.url,
          dataDir: folder,
          log: persons >= COPY_FROM ? options.log : () => undefined,
          persons,
          onProgress: persons >= COPY_FROM ? progress.update : undefined,
        });
        seededOn = seeded.today;
      } finally {
        progress.finish();
      }
      const seedSeconds = (Date.now() - started) / 1000;
      const emptyTables = await withClient(cluster.url, emptyPortalTables);
      meta = { key, persons, seed: DEFAULT_SEED, migrations, seededOn, seedSeconds, emptyTables };
      await writeFile(metaFile, JSON.stringify(meta, null, 2));
      options.log(
        `База для вимірювань: міграції й демо-дані (${persons.toLocaleString("uk-UA")} осіб) за ${seedSeconds.toFixed(1)} с; збережено в кеші ${folder}`,
      );
    }
    if (options.prepare) {
      await useDatabase(cluster.url);
      await options.prepare();
      await releaseDatabase();
    }
    await keepEmployeeListsJudged(cluster.url, options.log);
  } catch (error) {
    await cluster?.stop().catch(() => undefined);
    // A seed that failed halfway leaves no cache behind.
    if (!(await readMeta(metaFile))) await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const running = cluster;
  const emptyTables = meta.emptyTables;
  const inPlace = persons >= COPY_FROM;
  if (inPlace)
    options.log(
      `  від ${COPY_FROM.toLocaleString("uk-UA")} осіб копій бази не роблю: кожен прогін скидає зміни в ній самій`,
    );

  const admin = <T>(work: (client: pg.Client) => Promise<T>) => withClient(running.adminUrl, work);
  const reset = async () => {
    await withClient(running.url, (client) => resetToSeed(client, emptyTables));
  };

  return {
    templateUrl: running.url,
    persons,
    async clone(name) {
      if (inPlace) {
        await reset();
        // The run's changes undone: the enterprises they concerned are judged again.
        await keepEmployeeListsJudged(running.url, options.log);
        return running.url;
      }
      await admin(async (client) => {
        // A run that was killed before its drop leaves its copy behind; the next run starts afresh.
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
        await client.query(
          `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(TEMPLATE)} STRATEGY FILE_COPY`,
        );
      });
      return withDatabaseName(running.adminUrl, name);
    },
    async drop(name) {
      if (inPlace) {
        await releaseDatabase();
        await reset();
        return;
      }
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
    },
    async stop() {
      await releaseDatabase();
      if (inPlace) await reset().catch(() => undefined);
      await running.stop();
    },
  };
}

/** The cache record for a database seeded elsewhere (e.g. by `npm run seed -- --persons N` into its own folder) and adopted as a size's cache. */
export async function adoptAsBenchCache(
  url: string,
  persons: number,
  seededOn: string,
  seedSeconds: number,
): Promise<CacheMeta> {
  const migrations = await migrationsFingerprint();
  return {
    key: `${persons}-${DEFAULT_SEED}-${migrations}`,
    persons,
    seed: DEFAULT_SEED,
    migrations,
    seededOn,
    seedSeconds,
    emptyTables: await withClient(url, emptyPortalTables),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The portal's tables the seed leaves empty: what a run may fill and a reset empties again. */
async function emptyPortalTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ schemaname: string; tablename: string }>(
    "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const empty: string[] = [];
  for (const { schemaname, tablename } of rows) {
    if (KEPT.has(tablename)) continue;
    const table = `${quoteIdentifier(schemaname)}.${quoteIdentifier(tablename)}`;
    const { rows: found } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
    if (found.length === 0) empty.push(table);
  }
  return empty;
}

/**
 * What a deployment's worker has done by the time directors arrive: the largest critical
 * enterprises' employee lists judged for today (refresh-employee-list-snapshots, as the worker's
 * job runs it). The first run of a day judges them all — minutes at national scale — and later ones
 * only what changed, so a benchmark's own workers find nothing to do.
 */
async function keepEmployeeListsJudged(url: string, log: (line: string) => void): Promise<void> {
  await useDatabase(url);
  try {
    const started = Date.now();
    const r = await refreshEmployeeListSnapshots(createCtx({ actor: null }), { log });
    if (r.built + r.patched > 0)
      log(
        `Списки працівників ${r.enterprises} найбільших критичних підприємств на ${r.date}: побудовано ${r.built}, ` +
          `оновлено ${r.patched}, без змін ${r.unchanged} за ${((Date.now() - started) / 1000).toFixed(1)} с (як їх тримає обробник завдань)`,
      );
  } finally {
    await releaseDatabase();
  }
}

/** Back to the seeded state: the portal's run-time rows gone, the portal's registry marks gone. */
async function resetToSeed(client: pg.Client, emptyTables: readonly string[]): Promise<void> {
  await client.query("BEGIN");
  try {
    // The marks go with the registry's triggers: the enterprises employing their persons get new
    // versions and notes, as after any registry change, so that lists judged before stay exact.
    await client.query(`DELETE FROM oberig.reservation_marks WHERE source <> 'diia'`);
    // Foreign keys between these tables are all satisfied once every one of them is empty.
    await client.query("SET LOCAL session_replication_role = replica");
    for (const table of emptyTables) {
      if (KEPT.has(table.replace(/^.*\."?|"$/g, ""))) continue;
      await client.query(`DELETE FROM ${table}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
