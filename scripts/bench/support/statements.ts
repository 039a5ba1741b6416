import "server-only";
import pg from "pg";

// Which statements took Postgres's time during a measured stretch, from pg_stat_statements: a
// benchmark's answer to "the database is busy — with what?". Only when the cluster was started
// with the library preloaded (BENCH_STATEMENTS=1); otherwise both calls say so and do nothing.

export type StatementCost = { query: string; calls: number; totalMs: number; meanMs: number; rows: number };

/** Starts counting afresh; false when pg_stat_statements is not loaded in this cluster. */
export async function resetStatements(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const loaded = await client.query<{ loaded: boolean }>(
      "SELECT 'pg_stat_statements' = ANY (string_to_array(current_setting('shared_preload_libraries'), ',')) AS loaded",
    );
    if (!loaded.rows[0]?.loaded) return false;
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await client.query("SELECT pg_stat_statements_reset()");
    return true;
  } finally {
    await client.end();
  }
}

/** The statements that took the most execution time since the reset, most first. */
export async function topStatements(url: string, limit = 15): Promise<StatementCost[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string; calls: string; total: number; mean: number; rows: string }>(
      `SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean, rows
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      query: row.query.replace(/\s+/g, " ").trim(),
      calls: Number(row.calls),
      totalMs: Math.round(row.total),
      meanMs: Math.round(row.mean * 10) / 10,
      rows: Number(row.rows),
    }));
  } finally {
    await client.end();
  }
}
