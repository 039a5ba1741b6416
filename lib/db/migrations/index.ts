export {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  type ApplyMigrationsOptions,
  type ApplyMigrationsResult,
} from "./apply-migrations";
export { createMigration, type CreateMigrationOptions, type CreateMigrationResult } from "./create-migration";
export { diffDatabaseToSchema, diffSchemas, type SchemaDiff } from "./diff-schemas";
export {
  readMigrationsFolder,
  SNAPSHOT_FILE,
  type MigrationFolder,
  type MigrationsOnDisk,
} from "./migration-directory";
