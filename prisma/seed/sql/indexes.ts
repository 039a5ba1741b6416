import "server-only";
// A bulk load into empty tables is fastest without their secondary indexes: Postgres then builds
// each one by a sort, once, instead of inserting ten million keys one by one in random order.
// The seed drops the indexes that back no constraint (primary keys stay: foreign keys need them)
// inside its own transaction and builds them again from their exact definitions before the
// commit — a unique index checks its uniqueness while it is built.

import type pg from "pg";

export type DroppedIndex = { name: string; definition: string };

/** Drops every index of these tables that backs no constraint; returns how to build them again. */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: readonly string[]): Promise<DroppedIndex[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows;
}

export async function rebuildIndexes(
  client: pg.ClientBase,
  indexes: readonly DroppedIndex[],
  onIndex: (done: number, total: number, name: string) => void = () => undefined,
): Promise<void> {
  let done = 0;
  for (const index of indexes) {
    onIndex(done, indexes.length, index.name);
    await client.query(index.definition);
    done++;
  }
  onIndex(done, indexes.length, "");
}
