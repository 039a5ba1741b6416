// Rows streamed into Postgres with COPY … FROM STDIN (text format): no statement to parse, no
// parameters to decode, the server's fastest way in. A table's `sql` columns (timestamps set by
// the database) get one fixed value computed before the seed; enum and date columns are plain
// text, which COPY casts to the column's type.

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Column, Table } from "./bulk-insert";

/** One field in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : text;
}

export type CopyTable<Row> = { table: Table<Row>; sqlValues: Record<string, string> };

/** The rows as COPY text: one line per row, fields in the table's column order. */
export function copyText<Row>({ table, sqlValues }: CopyTable<Row>, rows: ReadonlyArray<Row>): string {
  const getters = table.columns.map((column: Column<Row>) => {
    if ("sql" in column) {
      const fixed = sqlValues[column.sql];
      if (fixed === undefined) throw new Error(`internal: no COPY value for ${column.sql}`);
      return () => fixed;
    }
    if (column.type === "text[]") throw new Error(`internal: COPY of array column ${column.name} is not supported`);
    return (row: Row) => copyField(column.value(row));
  });
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < getters.length; i++) text += (i === 0 ? "" : "\t") + getters[i]!(row);
    text += "\n";
  }
  return text;
}

export function copyStatement(table: Table<unknown>): string {
  const names = table.columns.map((column) => `"${column.name.replaceAll('"', '""')}"`).join(", ");
  return `COPY ${table.name} (${names}) FROM STDIN`;
}

/** Streams already-encoded rows into the table; resolves when the server has taken them all. */
export function copyInto(client: pg.ClientBase, table: Table<unknown>, text: string): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(copyStatement(table)));
    stream.on("error", reject);
    stream.on("finish", () => resolve());
    stream.end(text);
  });
}
