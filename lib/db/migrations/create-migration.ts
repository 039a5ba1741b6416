import "server-only";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { diffSchemas } from "./diff-schemas";
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATION_FILE,
  nextMigrationFolderName,
  normalizeMigrationName,
  readMigrationsFolder,
  SNAPSHOT_FILE,
} from "./migration-directory";

export type CreateMigrationOptions = {
  name: string;
  /** A reachable Postgres: the WASM engine cannot start without one, though the diff reads none. */
  databaseUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
  now?: Date;
};

export type CreateMigrationResult =
  { created: false; reason: "no-changes" } | { created: true; folder: string; path: string; sql: string };

/**
 * Writes the next migration: the diff from the newest migration's schema snapshot (or from an
 * empty database for the first one) to the current schema.prisma, with a snapshot of that schema
 * beside it. Writes nothing when the schema has not changed since the last migration.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const name = normalizeMigrationName(options.name);
  if (!name) {
    throw new AppError(
      "MIGRATION_NAME_INVALID",
      `Назва міграції «${options.name}» не містить жодної латинської літери чи цифри: вкажіть її, наприклад npm run db:migration -- add_vacancy_salary (bad migration name).`,
    );
  }
  const schemaPath = path.resolve(options.schemaPath ?? "prisma/schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const onDisk = await readMigrationsFolder(options.migrationsDir ?? "prisma/migrations");
  const newest = onDisk.migrations.at(-1);
  if (newest && newest.snapshot === null) {
    throw new AppError(
      "MIGRATION_SNAPSHOT_MISSING",
      `Біля останньої міграції ${newest.name} немає знімка схеми ${SNAPSHOT_FILE}: покладіть туди schema.prisma у стані після цієї міграції (snapshot missing).`,
    );
  }

  const diff = await diffSchemas({ databaseUrl: options.databaseUrl, from: newest?.snapshot ?? null, to: schema });
  if (diff.empty) return { created: false, reason: "no-changes" };

  const folder = nextMigrationFolderName(
    name,
    options.now ?? new Date(),
    onDisk.migrations.map((migration) => migration.name),
  );
  const folderPath = path.join(onDisk.baseDir, folder);
  await mkdir(folderPath, { recursive: true });
  await writeFile(path.join(folderPath, MIGRATION_FILE), diff.sql);
  await writeFile(path.join(folderPath, SNAPSHOT_FILE), schema);
  if (onDisk.lockfile === null) await writeFile(path.join(onDisk.baseDir, LOCKFILE_NAME), LOCKFILE_CONTENT);
  return { created: true, folder, path: folderPath, sql: diff.sql };
}
