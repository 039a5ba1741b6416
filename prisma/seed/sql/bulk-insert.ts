// Multi-row inserts through node-postgres: one statement per batch, every column passed as an
// array and expanded by unnest(), so that 10,000 rows cost one round trip and one parse.

import type pg from "pg";

/** A column: its array type for unnest, an optional cast (enums), or a fixed SQL expression. */
export type Column<Row> =
  | {
      name: string;
      type: "text" | "date" | "uuid" | "bool" | "int4" | "numeric" | "timestamp";
      cast?: string;
      value: (row: Row) => unknown;
    }
  | { name: string; type: "text[]"; cast?: string; value: (row: Row) => readonly string[] | null }
  | { name: string; sql: string };

/** A timestamp in UTC, as Prisma stores DateTime in a column without time zone. */
export const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

export type Table<Row> = { name: string; columns: ReadonlyArray<Column<Row>> };

export const BATCH_SIZE = 10_000;

export async function insertRows<Row>(
  client: pg.ClientBase,
  table: Table<Row>,
  rows: ReadonlyArray<Row>,
): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const { text, values } = buildInsert(table, batch);
    await client.query(text, values);
  }
  return rows.length;
}

/**
 * Several inserts as one statement (data-modifying CTEs), so that the server works through a
 * whole chunk while the generator makes the next one. Foreign keys are checked at the end of
 * the statement, so a chunk's registrations may refer to its persons.
 */
export function buildCombinedInsert(parts: ReadonlyArray<{ table: Table<never>; rows: ReadonlyArray<unknown> }>): {
  text: string;
  values: unknown[];
} {
  const values: unknown[] = [];
  const statements = parts.map(({ table, rows }) => {
    const built = buildInsert(table as Table<unknown>, rows, values.length);
    values.push(...built.values);
    return built.text;
  });
  if (statements.length === 1) return { text: statements[0]!, values };
  const ctes = statements.slice(0, -1).map((text, index) => `w${index} AS (${text})`);
  return { text: `WITH ${ctes.join(", ")} ${statements.at(-1)}`, values };
}

export function buildInsert<Row>(
  table: Table<Row>,
  rows: ReadonlyArray<Row>,
  offset = 0,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const unnestArgs: string[] = [];
  const select: string[] = [];
  for (const column of table.columns) {
    if ("sql" in column) {
      select.push(column.sql);
      continue;
    }
    const alias = `c${values.length}`;
    if (column.type === "text[]") {
      // unnest() would flatten a 2-D array: pass each list as JSON text and rebuild it per row.
      values.push(
        rows.map((row) => {
          const list = column.value(row);
          return list === null ? null : JSON.stringify(list);
        }),
      );
      unnestArgs.push(`$${offset + values.length}::text[]`);
      select.push(
        `CASE WHEN t.${alias} IS NULL THEN NULL ELSE ARRAY(SELECT json_array_elements_text(t.${alias}::json)) END${column.cast ? `::${column.cast}` : ""}`,
      );
    } else {
      values.push(rows.map((row) => column.value(row)));
      unnestArgs.push(`$${offset + values.length}::${column.type}[]`);
      select.push(column.cast ? `t.${alias}::${column.cast}` : `t.${alias}`);
    }
  }
  const aliases = unnestArgs.map((_, index) => `c${index}`);
  const names = table.columns.map((column) => quote(column.name)).join(", ");
  return {
    text: `INSERT INTO ${table.name} (${names}) SELECT ${select.join(", ")} FROM unnest(${unnestArgs.join(", ")}) AS t(${aliases.join(", ")})`,
    values,
  };
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
