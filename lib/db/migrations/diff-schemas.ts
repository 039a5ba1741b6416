import "server-only";
import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { NO_FILTER, withSchemaEngine } from "./schema-engine";

// What the engine prints when two schemas need no migration between them.
const EMPTY_MIGRATION = "-- This is an empty migration.";

export type SchemaDiff = {
  /** The SQL that takes `from` to `to`, in Prisma's migration.sql format. */
  sql: string;
  empty: boolean;
};

function asDiff(stdout: string | null): SchemaDiff {
  const sql = stdout ?? "";
  return { sql, empty: sql.trim() === "" || sql.trim() === EMPTY_MIGRATION };
}

function datamodel(schema: string): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] };
}

/**
 * The migration SQL from one schema text to another (`from: null` = an empty database).
 * Reads no database, but the WASM engine must be connected to one to exist at all.
 */
export async function diffSchemas(options: {
  databaseUrl: string;
  from: string | null;
  to: string;
}): Promise<SchemaDiff> {
  return withSchemaEngine({ databaseUrl: options.databaseUrl }, async (engine) => {
    const result = await engine.diff({
      from: options.from === null ? { tag: "empty" } : datamodel(options.from),
      to: datamodel(options.to),
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return asDiff(result.stdout);
  });
}

/**
 * The SQL that would bring the live database at `databaseUrl` to `schema`: empty when the
 * database is exactly what the schema describes (the drift check after migrating).
 */
export async function diffDatabaseToSchema(options: { databaseUrl: string; schema: string }): Promise<SchemaDiff> {
  return withSchemaEngine({ databaseUrl: options.databaseUrl, schema: options.schema }, async (engine) => {
    const result = await engine.diff({
      // "schemaDatasource" describes the database the engine is connected to (the URL form is
      // gone from Prisma 7); the files only say which Postgres schemas to look at.
      from: {
        tag: "schemaDatasource",
        files: [{ path: "schema.prisma", content: options.schema }],
        configDir: process.cwd(),
      },
      to: datamodel(options.schema),
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return asDiff(result.stdout);
  });
}
