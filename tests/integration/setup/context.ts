// What the global setup hands to every test file (through vitest's provide/inject).

export type IntegrationDatabaseContext = {
  /** The run's cluster, database "postgres": for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Migrated once per run; every test file gets a copy of it. */
  templateDatabase: string;
  timings: { initdbMs: number; startMs: number; migrateMs: number };
};

declare module "vitest" {
  export interface ProvidedContext {
    bronyaDb: IntegrationDatabaseContext;
  }
}

export const TEMPLATE_DATABASE = "bronya_template";
