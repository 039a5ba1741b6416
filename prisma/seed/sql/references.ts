import "server-only";
// Foreign keys checked once, as set-based anti-joins, instead of row by row. The seed turns
// row-by-row checks off for its own transaction where Postgres allows it (a superuser, as with
// the embedded cluster), which makes a million-person seed about a third faster; this check
// then proves the same integrity before the commit.

import type pg from "pg";

/** [child table, column, parent table, parent column] for every foreign key the seed fills. */
const REFERENCES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['"oberig"."military_registrations"', "rnokpp", '"oberig"."persons"', "rnokpp"],
  ['"oberig"."employments"', "rnokpp", '"oberig"."persons"', "rnokpp"],
  ['"oberig"."employments"', "edrpou", '"oberig"."enterprises"', "edrpou"],
  ['"oberig"."reservation_marks"', "rnokpp", '"oberig"."persons"', "rnokpp"],
  ['"oberig"."reservation_marks"', "edrpou", '"oberig"."enterprises"', "edrpou"],
  ['"oberig"."service_periods"', "rnokpp", '"oberig"."persons"', "rnokpp"],
  ['"oberig"."enterprises"', "headRnokpp", '"oberig"."persons"', "rnokpp"],
  ['"public"."critical_decisions"', "edrpou", '"oberig"."enterprises"', "edrpou"],
  ['"public"."critical_decisions"', "authorityId", '"public"."authorities"', "id"],
  ['"public"."decision_events"', "decisionId", '"public"."critical_decisions"', "id"],
  ['"public"."vacancies"', "unitId", '"public"."military_units"', "id"],
  ['"public"."memberships"', "userId", '"public"."users"', "id"],
  ['"public"."memberships"', "authorityId", '"public"."authorities"', "id"],
  ['"public"."memberships"', "unitId", '"public"."military_units"', "id"],
];

/** Skips row-by-row foreign-key triggers for the rest of the transaction, if allowed. */
export async function deferReferenceChecks(client: pg.ClientBase): Promise<boolean> {
  await client.query("SAVEPOINT seed_replica_role");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT seed_replica_role");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT seed_replica_role");
    return false;
  }
}

/** Throws when any row refers to a missing one. */
export async function assertReferences(client: pg.ClientBase): Promise<void> {
  const broken: string[] = [];
  for (const [child, column, parent, key] of REFERENCES) {
    const { rows } = await client.query(
      `SELECT 1 FROM ${child} c WHERE c."${column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p."${key}" = c."${column}") LIMIT 1`,
    );
    if (rows.length > 0) broken.push(`${child}.${column} → ${parent}`);
  }
  if (broken.length > 0) throw new Error(`internal: the seed wrote rows that refer to nothing: ${broken.join(", ")}`);
}
