import "server-only";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";
import { quoteIdentifier, startEmbeddedCluster, withDatabaseName, type RunningCluster } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { resetEnvCache } from "@/lib/env";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { seedDemo } from "@/prisma/seed";

// A benchmark's database: an embedded Postgres in a temporary folder with durable settings
// (fsync on, as `npm run dev` runs it — the test harness's no-fsync cluster would flatter the
// figures), migrated and filled with the demo seed (the 10,000-employee enterprise included),
// then kept as a template. Each measured run gets its own copy, so every run starts from the
// same state and one run's reservations never eat the next run's limit.
//
// The domain code reads DATABASE_URL through lib/env: useDatabase() points the process (its
// Prisma client and job sender) at a copy.

const TEMPLATE = "bronya_bench_template";

export type BenchDatabase = {
  templateUrl: string;
  /** A fresh copy of the seeded template; returns its URL. */
  clone(name: string): Promise<string>;
  drop(name: string): Promise<void>;
  stop(): Promise<void>;
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
}

export async function prepareSeededDatabase(options: {
  log: (line: string) => void;
  persons?: number;
  /** Extra set-up on the template (keys, tokens), run with the process pointed at it. */
  prepare?: () => Promise<void>;
}): Promise<BenchDatabase> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-bench-"));
  // As root, Postgres runs as the "postgres" user, which must be able to enter the folder.
  await chmod(workDir, 0o755);
  let cluster: RunningCluster | null = null;
  try {
    cluster = await startEmbeddedCluster({ folder: path.join(workDir, "postgres"), owner: "npm run bench", database: TEMPLATE });
    const started = Date.now();
    await applyMigrations({ databaseUrl: cluster.url });
    const seeded = await seedDemo({ databaseUrl: cluster.url, dataDir: workDir, log: () => undefined, persons: options.persons });
    options.log(`База для вимірювань: міграції й демо-дані (${seeded.persons.toLocaleString("uk-UA")} осіб) за ${((Date.now() - started) / 1000).toFixed(1)} с`);
    if (options.prepare) {
      await useDatabase(cluster.url);
      await options.prepare();
      await releaseDatabase();
    }
  } catch (error) {
    await cluster?.stop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const running = cluster;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: running.adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  return {
    templateUrl: running.url,
    async clone(name) {
      await admin((client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(TEMPLATE)} STRATEGY FILE_COPY`));
      return withDatabaseName(running.adminUrl, name);
    },
    async drop(name) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
    },
    async stop() {
      await releaseDatabase();
      await running.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
