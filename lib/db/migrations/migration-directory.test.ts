import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  nextMigrationFolderName,
  normalizeMigrationName,
  readMigrationsFolder,
  toMigrationList,
} from "./migration-directory";

describe("normalizeMigrationName", () => {
  it("follows Prisma's snake case", () => {
    expect(normalizeMigrationName("Add vacancy salary")).toBe("add_vacancy_salary");
    expect(normalizeMigrationName("addVacancySalary")).toBe("add_vacancy_salary");
    expect(normalizeMigrationName("  --init--  ")).toBe("init");
    expect(normalizeMigrationName("v2 ЄДРПОУ index")).toBe("v2_index");
  });

  it("leaves nothing of a name without Latin letters or digits", () => {
    expect(normalizeMigrationName("міграція")).toBe("");
    expect(normalizeMigrationName("   ")).toBe("");
  });

  it("cuts a long name at 200 characters", () => {
    expect(normalizeMigrationName("a".repeat(300))).toHaveLength(200);
  });
});

describe("nextMigrationFolderName", () => {
  const now = new Date("2026-11-22T10:20:30Z");

  it("stamps the UTC time", () => {
    expect(nextMigrationFolderName("x", now, [])).toBe("20261122102030_x");
    expect(nextMigrationFolderName("x", now, ["20261122102029_a"])).toBe("20261122102030_x");
  });

  it("moves one second past the newest migration when the clock is not ahead of it", () => {
    expect(nextMigrationFolderName("x", now, ["20261122102030_a"])).toBe("20261122102031_x");
    expect(nextMigrationFolderName("x", now, ["20301231235959_future", "20200101000000_old"])).toBe("20310101000000_x");
  });
});

describe("readMigrationsFolder", () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function folder(files: Record<string, string>) {
    dir = await mkdtemp(path.join(os.tmpdir(), "bronya-migdir-"));
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    return dir;
  }

  it("reads migrations in name order with their snapshots, and ignores stray files", async () => {
    const base = await folder({
      "migration_lock.toml": 'provider = "postgresql"\n',
      "20260102000000_second/migration.sql": "SELECT 2;",
      "20260101000000_first/migration.sql": "SELECT 1;",
      "20260101000000_first/schema.prisma.snapshot": "// v1",
      "README.md": "not a migration",
    });
    const onDisk = await readMigrationsFolder(base);
    expect(onDisk.migrations).toEqual([
      { name: "20260101000000_first", sql: "SELECT 1;", snapshot: "// v1" },
      { name: "20260102000000_second", sql: "SELECT 2;", snapshot: null },
    ]);
    const list = toMigrationList(onDisk);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: 'provider = "postgresql"\n' });
    expect(list.migrationDirectories.map((entry) => entry.path)).toEqual([
      "20260101000000_first",
      "20260102000000_second",
    ]);
    expect(list.migrationDirectories[0]?.migrationFile).toEqual({
      path: "migration.sql",
      content: { tag: "ok", value: "SELECT 1;" },
    });
  });

  it("treats a missing folder as no migrations", async () => {
    const onDisk = await readMigrationsFolder(path.join(os.tmpdir(), "bronya-no-such-folder-4242"));
    expect(onDisk).toMatchObject({ lockfile: null, migrations: [] });
  });

  it("refuses a folder without migration.sql and a badly named folder", async () => {
    await expect(readMigrationsFolder(await folder({ "20260101000000_x/notes.txt": "" }))).rejects.toMatchObject({
      code: "MIGRATION_FOLDER_INVALID",
    });
    await rm(dir, { recursive: true, force: true });
    await expect(readMigrationsFolder(await folder({ "init/migration.sql": "SELECT 1;" }))).rejects.toMatchObject({
      code: "MIGRATION_FOLDER_INVALID",
    });
  });
});
