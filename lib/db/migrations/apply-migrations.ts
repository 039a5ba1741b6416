import "server-only";
import { AppError } from "@/lib/errors";
import { readMigrationsFolder, toMigrationList } from "./migration-directory";
import { engineErrorSummary, NO_FILTER, withSchemaEngine } from "./schema-engine";

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

export type ApplyMigrationsOptions = {
  databaseUrl: string;
  /** Defaults to prisma/migrations relative to the working directory. */
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type ApplyMigrationsResult = {
  /** Names of the migrations applied now; empty when the database was up to date. */
  applied: string[];
  /** Every migration found on disk, in order. */
  known: string[];
};

/**
 * Applies pending migrations exactly as `prisma migrate deploy` does: each migration.sql is run
 * once and recorded in _prisma_migrations with its sha256 checksum, under the engine's advisory
 * lock, so concurrent callers wait for one another. A failed migration stays recorded as failed
 * and blocks later runs until it is resolved, as with the Prisma CLI.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const onDisk = await readMigrationsFolder(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const known = onDisk.migrations.map((migration) => migration.name);
  if (onDisk.migrations.length > 0 && onDisk.lockfile === null) {
    throw new AppError(
      "MIGRATION_FOLDER_INVALID",
      `У ${onDisk.baseDir} немає migration_lock.toml: відновіть його з git (the migration lock file is missing).`,
    );
  }
  return withSchemaEngine({ databaseUrl: options.databaseUrl }, async (engine) => {
    try {
      const output = await engine.applyMigrations({ migrationsList: toMigrationList(onDisk), filters: NO_FILTER });
      for (const name of output.appliedMigrationNames) options.log?.(`Застосовано міграцію ${name}`);
      return { applied: output.appliedMigrationNames, known };
    } catch (error) {
      throw new AppError(
        "MIGRATION_FAILED",
        `Не вдалося застосувати міграції: ${engineErrorSummary(error)}. Виправте причину і запустіть знову; записи про невдалу міграцію лишаються в _prisma_migrations (migration failed).`,
        { cause: error },
      );
    }
  });
}
