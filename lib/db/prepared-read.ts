import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { db as rootDb, getDb, type Db, type DbTx } from "./client";

// The hot path's reads (GET /api/v1/me/status: the session's sign-out check, then the citizen's
// status) run on every poll of every open app. Through Prisma a raw query costs ~0.4 ms of the web
// process's CPU (its query interpreter, the adapter's conversions); the same statement as a named
// prepared statement on node-postgres costs well under 0.1 ms. So a read made on the process's own
// client — the `db` proxy or the client behind it, which is what createCtx hands out, read-only
// contexts included when no replica is configured — runs on a small node-postgres pool of its own
// (keyed by DATABASE_URL: tests switch databases between files). Inside a transaction, or on a
// replica's client, it goes through that client, so a caller sees its own writes and a replica
// read stays on the replica.
// Values are passed as they are; dates should leave as text (cast in the SQL) — node-postgres
// would otherwise turn DATE and TIMESTAMP columns into Dates at the server's local midnight.

export type PreparedStatement = {
  /** The prepared statement's name: one per SQL text, the same in every process. */
  name: string;
  text: string;
  values: readonly unknown[];
};

/** The pool's application_name, as pg_stat_activity shows its connections. */
export const PREPARED_READS_APPLICATION = "bronya-prepared-reads";

const globalForPool = globalThis as unknown as { bronyaPreparedPool?: { url: string; pool: pg.Pool } };

function preparedPool(): pg.Pool {
  const url = requireDatabaseUrl();
  const cached = globalForPool.bronyaPreparedPool;
  if (cached?.url === url) return cached.pool;
  void cached?.pool.end().catch(() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: PREPARED_READS_APPLICATION,
    max: 6,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle connection the server closes (restart, a test dropping its database) is not a crash.
  pool.on("error", () => undefined);
  globalForPool.bronyaPreparedPool = { url, pool };
  return pool;
}

/** Closes the prepared-read pool (a script done with its database, or one that must copy it). */
export async function closePreparedReads(): Promise<void> {
  const cached = globalForPool.bronyaPreparedPool;
  globalForPool.bronyaPreparedPool = undefined;
  await cached?.pool.end().catch(() => undefined);
}

/** True for the process's own primary client (the `db` proxy or the client it forwards to). */
function isProcessClient(db: Db | DbTx): boolean {
  return db === rootDb || db === getDb();
}

export async function preparedRead<Row extends Record<string, unknown>>(
  db: Db | DbTx,
  statement: PreparedStatement,
): Promise<Row[]> {
  if (isProcessClient(db)) {
    const result = await preparedPool().query<Row>({
      name: statement.name,
      text: statement.text,
      values: [...statement.values],
    });
    return result.rows;
  }
  return db.$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
}
