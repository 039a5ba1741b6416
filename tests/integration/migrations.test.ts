import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  createMigration,
  diffDatabaseToSchema,
  diffSchemas,
  readMigrationsFolder,
} from "@/lib/db/migrations";
import { createScratchDatabase, testDatabaseUrl, withPgClient } from "./setup/database";
import { expectEvery } from "@/tests/support/expect-every";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const FIX = "запустіть `npm run db:migration -- <назва>` і закомітьте нову міграцію";

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bronya-migrations-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("schema.prisma and prisma/migrations agree", () => {
  it("has no schema change since the newest migration's snapshot", async () => {
    const onDisk = await readMigrationsFolder(MIGRATIONS_DIR);
    const newest = onDisk.migrations.at(-1);
    expect(newest, "prisma/migrations has no migration").toBeDefined();
    expect(newest?.snapshot, `${newest?.name} has no schema.prisma.snapshot`).not.toBeNull();
    const diff = await diffSchemas({
      databaseUrl: testDatabaseUrl(),
      from: newest?.snapshot ?? null,
      to: await readFile(SCHEMA_PATH, "utf8"),
    });
    expect(diff.empty, `schema.prisma changed since ${newest?.name}: ${FIX}.\n${diff.sql}`).toBe(true);
  });

  it("leaves a migrated database exactly as schema.prisma describes it", async () => {
    const diff = await diffDatabaseToSchema({
      databaseUrl: testDatabaseUrl(),
      schema: await readFile(SCHEMA_PATH, "utf8"),
    });
    expect(diff.empty, `the migrations do not produce schema.prisma: ${FIX}.\n${diff.sql}`).toBe(true);
  });

  it("records every migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const onDisk = await readMigrationsFolder(MIGRATIONS_DIR);
    const rows = await withPgClient(
      async (client) =>
        (
          await client.query<{
            migration_name: string;
            checksum: string;
            finished_at: Date | null;
            rolled_back_at: Date | null;
            applied_steps_count: number;
            logs: string | null;
          }>(
            "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at, migration_name",
          )
        ).rows,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(onDisk.migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum, row.migration_name).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(onDisk.migrations[index]?.name).toBe(row.migration_name);
    }
  });

  it("applies nothing to an up-to-date database", async () => {
    const result = await applyMigrations({ databaseUrl: testDatabaseUrl(), migrationsDir: MIGRATIONS_DIR });
    expect(result.applied).toEqual([]);
    expect(result.known.length).toBeGreaterThan(0);
  });

  it("creates both Postgres schemas, oberig and public, in an empty database", async () => {
    const scratch = await createScratchDatabase({ empty: true });
    try {
      const result = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR });
      expect(result.applied).toEqual(result.known);
      const schemas = await withPgClient(
        async (client) =>
          (
            await client.query<{ table_schema: string; tables: string }>(
              "SELECT table_schema, count(*) AS tables FROM information_schema.tables WHERE table_schema IN ('oberig', 'public') GROUP BY table_schema ORDER BY table_schema",
            )
          ).rows,
        scratch.url,
      );
      expect(schemas.map((row) => row.table_schema)).toEqual(["oberig", "public"]);
      expectEvery(schemas, (row) => Number(row.tables) > 0);
    } finally {
      await scratch.drop();
    }
  });
});

describe("applyMigrations on a broken history", () => {
  async function migrationsWith(extra: Record<string, string>): Promise<string> {
    const dir = await tempDir();
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    for (const [folder, sql] of Object.entries(extra)) {
      await mkdir(path.join(dir, folder), { recursive: true });
      await writeFile(path.join(dir, folder, "migration.sql"), sql);
    }
    return dir;
  }

  it("records a failing migration as failed and refuses to go on until it is resolved", async () => {
    const dir = await migrationsWith({
      "29990101000000_broken": 'ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;',
    });
    const scratch = await createScratchDatabase({ empty: true });
    try {
      await expect(applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir })).rejects.toMatchObject({
        code: "MIGRATION_FAILED",
      });
      const rows = await withPgClient(
        async (client) =>
          (
            await client.query<{ migration_name: string; finished_at: Date | null }>(
              "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
            )
          ).rows,
        scratch.url,
      );
      expect(rows.at(-1)).toMatchObject({ migration_name: "29990101000000_broken", finished_at: null });
      expectEvery(rows.slice(0, -1), (row) => row.finished_at instanceof Date);
      await expect(applyMigrations({ databaseUrl: scratch.url, migrationsDir: dir })).rejects.toThrow(
        /29990101000000_broken/,
      );
    } finally {
      await scratch.drop();
    }
  });

  it("refuses a migration folder without migration.sql", async () => {
    const dir = await migrationsWith({});
    await mkdir(path.join(dir, "29990101000000_empty"));
    await expect(applyMigrations({ databaseUrl: testDatabaseUrl(), migrationsDir: dir })).rejects.toMatchObject({
      code: "MIGRATION_FOLDER_INVALID",
    });
  });

  it("refuses migrations without migration_lock.toml", async () => {
    const dir = await migrationsWith({});
    await rm(path.join(dir, "migration_lock.toml"));
    await expect(applyMigrations({ databaseUrl: testDatabaseUrl(), migrationsDir: dir })).rejects.toMatchObject({
      code: "MIGRATION_FOLDER_INVALID",
    });
  });
});

describe("createMigration (npm run db:migration)", () => {
  async function workspace() {
    const dir = await tempDir();
    const migrationsDir = path.join(dir, "migrations");
    const schemaPath = path.join(dir, "schema.prisma");
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    // The newest snapshot, not the live schema.prisma: these tests must not depend on drift.
    const newest = (await readMigrationsFolder(migrationsDir)).migrations.at(-1);
    await writeFile(schemaPath, newest?.snapshot ?? "");
    return { migrationsDir, schemaPath };
  }

  it("writes nothing when the schema is unchanged", async () => {
    const { migrationsDir, schemaPath } = await workspace();
    const before = (await readMigrationsFolder(migrationsDir)).migrations.length;
    const result = await createMigration({
      name: "nothing",
      databaseUrl: testDatabaseUrl(),
      migrationsDir,
      schemaPath,
    });
    expect(result).toEqual({ created: false, reason: "no-changes" });
    expect((await readMigrationsFolder(migrationsDir)).migrations).toHaveLength(before);
  });

  it("writes the diff and a snapshot for a changed schema, and the result migrates cleanly", async () => {
    const { migrationsDir, schemaPath } = await workspace();
    const schema = await readFile(schemaPath, "utf8");
    const changed = schema.replace(/model Person \{\n/, 'model Person {\n  driftProbe String? @map("drift_probe")\n');
    expect(changed).not.toBe(schema);
    await writeFile(schemaPath, changed);

    const result = await createMigration({
      name: "Add drift probe",
      databaseUrl: testDatabaseUrl(),
      migrationsDir,
      schemaPath,
      now: new Date("2999-01-01T00:00:00Z"),
    });
    if (!result.created) throw new Error("expected a migration");
    expect(result.folder).toBe("29990101000000_add_drift_probe");
    expect(result.sql).toMatch(/ALTER TABLE "oberig"\."[^"]+" ADD COLUMN\s+"drift_probe" TEXT/);
    expect(await readFile(path.join(result.path, "schema.prisma.snapshot"), "utf8")).toBe(changed);
    expect(await createMigration({ name: "again", databaseUrl: testDatabaseUrl(), migrationsDir, schemaPath })).toEqual(
      { created: false, reason: "no-changes" },
    );

    const scratch = await createScratchDatabase({ empty: true });
    try {
      await applyMigrations({ databaseUrl: scratch.url, migrationsDir });
      expect((await diffDatabaseToSchema({ databaseUrl: scratch.url, schema: changed })).empty).toBe(true);
      // …and the unchanged schema now differs from that database: the drift check sees both ways.
      expect((await diffDatabaseToSchema({ databaseUrl: scratch.url, schema })).empty).toBe(false);
    } finally {
      await scratch.drop();
    }
  });

  it("refuses a name with no Latin letter or digit", async () => {
    const { migrationsDir, schemaPath } = await workspace();
    await expect(
      createMigration({ name: "  міграція ", databaseUrl: testDatabaseUrl(), migrationsDir, schemaPath }),
    ).rejects.toMatchObject({ code: "MIGRATION_NAME_INVALID" });
  });

  it("refuses to diff from a newest migration that has no snapshot", async () => {
    const { migrationsDir, schemaPath } = await workspace();
    await mkdir(path.join(migrationsDir, "29990101000000_hand_written"));
    await writeFile(path.join(migrationsDir, "29990101000000_hand_written", "migration.sql"), "SELECT 1;");
    await expect(
      createMigration({ name: "next", databaseUrl: testDatabaseUrl(), migrationsDir, schemaPath }),
    ).rejects.toMatchObject({ code: "MIGRATION_SNAPSHOT_MISSING" });
  });
});
