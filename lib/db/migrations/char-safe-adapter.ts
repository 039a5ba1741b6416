import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

// The schema engine describes a database through pg_catalog, whose `contype` and similar
// columns are of Postgres' one-byte "char" type (OID 18). @prisma/adapter-pg 7.10.1 has no
// mapping for it and fails with "Column type 'char' could not be deserialized". We relabel
// such columns as text inside pg (their values are already plain strings) and tag their
// names, then the adapter wrapper strips the tag and reports them as Character.

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_TAG = "\u0000char";

type PgField = { name: string; dataTypeID: number };
type PgResultLike = { fields?: PgField[] } | undefined;

function relabelCharColumns<T extends PgResultLike>(result: T): T {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      field.name += CHAR_TAG;
    }
  }
  return result;
}

class CharSafeClient extends pg.Client {
  // pg.Pool calls query() with a callback, the adapter's transactions with a promise: cover both.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: PgResultLike) =>
        callback(error, error ? result : relabelCharColumns(result));
    }
    const returned = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (returned instanceof Promise)
      return returned.then((result: PgResultLike) => relabelCharColumns(result)) as never;
    return returned as never;
  }
}

function untagResult(result: SqlResultSet): SqlResultSet {
  const columnTypes = [...result.columnTypes];
  const columnNames = result.columnNames.map((name, index) => {
    if (!name.endsWith(CHAR_TAG)) return name;
    columnTypes[index] = ColumnTypeEnum.Character;
    return name.slice(0, -CHAR_TAG.length);
  });
  return { ...result, columnNames, columnTypes };
}

function withUntaggedResults<T extends { queryRaw(query: SqlQuery): Promise<SqlResultSet> }>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery) => untagResult(await queryRaw(query));
  return queryable;
}

/**
 * A PrismaPg factory fit for the schema engine. The shadow database is refused: adapter-pg
 * 7.10.1 connects its "shadow" to the main database when given a URL (and leaks it otherwise),
 * and nothing here needs one because migrations are diffed from schema snapshots.
 */
class SchemaEnginePg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withUntaggedResults(await startTransaction(isolationLevel));
    // adapter-pg 7.10.1 splits a script at every ";", which breaks function bodies ($$ … $$) in
    // a migration (triggers). Postgres runs a multi-statement simple query itself, in one
    // implicit transaction — as `prisma migrate deploy`'s native engine does.
    const driver = adapter.underlyingDriver() as pg.Pool;
    const failed = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (error) {
        failed(error);
      }
    };
    return withUntaggedResults(adapter);
  }

  override async connectToShadowDb(): Promise<never> {
    throw new Error(
      "Тіньова база даних не підтримується: міграції будуються зі знімків схеми (shadow database is not supported)",
    );
  }
}

export type SchemaEngineConnection = {
  factory: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;
  close(): Promise<void>;
};

/** One pool for one engine; close() ends it, which also releases the engine's advisory lock. */
export function connectSchemaEngineAdapter(databaseUrl: string): SchemaEngineConnection {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    Client: CharSafeClient,
    max: 2,
    allowExitOnIdle: true,
    connectionTimeoutMillis: 10_000,
  });
  pool.on("error", () => undefined);
  const factory = bindMigrationAwareSqlAdapterFactory(new SchemaEnginePg(pool));
  return { factory, close: () => pool.end() };
}
