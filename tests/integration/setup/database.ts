import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { quoteIdentifier, withDatabaseName } from "@/lib/db/cluster";
import { requireDatabaseUrl } from "@/lib/env";

// Helpers for tests that need raw SQL, a second connection, or a database of their own.

export function adminDatabaseUrl(): string {
  return inject("bronyaDb").adminUrl;
}

/** The URL of this test file's own database (a copy of the migrated template). */
export function testDatabaseUrl(): string {
  return requireDatabaseUrl();
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(work, adminDatabaseUrl());
}

/** A separate connection (not Prisma's pool), closed after `work`. */
export async function withPgClient<T>(
  work: (client: pg.Client) => Promise<T>,
  url: string = testDatabaseUrl(),
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one statement on this file's database and returns its rows. */
export async function sql<Row extends Record<string, unknown> = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return withPgClient(async (client) => (await client.query<Row>(text, values)).rows);
}

export async function createDatabase(name: string, options: { fromTemplate: boolean }): Promise<string> {
  const template = options.fromTemplate ? ` TEMPLATE ${quoteIdentifier(inject("bronyaDb").templateDatabase)}` : "";
  await onAdmin((client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template}`));
  return withDatabaseName(adminDatabaseUrl(), name);
}

export async function dropDatabase(name: string): Promise<void> {
  await onAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

/** A database beside this file's own: empty (no migrations) or a copy of the template. */
export async function createScratchDatabase(options: {
  empty: boolean;
}): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = uniqueDatabaseName(options.empty ? "scratch_empty" : "scratch");
  const url = await createDatabase(name, { fromTemplate: !options.empty });
  return { name, url, drop: () => dropDatabase(name) };
}
