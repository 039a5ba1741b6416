import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { quoteIdentifier, startEmbeddedCluster } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { TEMPLATE_DATABASE } from "./context";

// One embedded cluster per test run (no fsync, in a temp folder, deleted afterwards) and a
// template database migrated once; per-file.ts copies the template for each test file.

const root = fileURLToPath(new URL("../../..", import.meta.url));

export default async function setup(project: TestProject) {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-it-"));
  // As root, Postgres runs as the "postgres" user, which must be able to enter the folder.
  await chmod(workDir, 0o755);
  const cluster = await startEmbeddedCluster({
    folder: path.join(workDir, "postgres"),
    owner: "vitest",
    database: TEMPLATE_DATABASE,
    ephemeral: true,
  });
  try {
    const migrateStarted = Date.now();
    await applyMigrations({ databaseUrl: cluster.url, migrationsDir: path.join(root, "prisma/migrations") });
    const migrateMs = Date.now() - migrateStarted;

    // Nobody may stay connected to a template (CREATE DATABASE … TEMPLATE would fail).
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(
      `ALTER DATABASE ${quoteIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
    await admin.end();

    const timings = { ...cluster.timings, migrateMs };
    console.log(
      `[integration] Postgres: initdb ${timings.initdbMs} ms, start ${timings.startMs} ms, migrate ${migrateMs} ms`,
    );
    project.provide("bronyaDb", { adminUrl: cluster.adminUrl, templateDatabase: TEMPLATE_DATABASE, timings });
  } catch (error) {
    await cluster.stop();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await cluster.stop();
    await rm(workDir, { recursive: true, force: true });
  };
}
