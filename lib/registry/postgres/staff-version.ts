import "server-only";
import type { Db, DbTx } from "@/lib/db/client";
import { preparedRead } from "@/lib/db/prepared-read";

// The version of everything findStaff(edrpou, …) reads: one row of oberig.staff_versions,
// bumped by statement triggers on the registry's tables in the writing transaction (migration
// 20261204052046_staff_versions) — the enterprise's employments and record, and the persons,
// military records and marks of anyone it employs. A writer holds the row until it commits, so
// a reader never sees a new version before the data it stands for. One primary-key read, asked
// before every employee page and list: a prepared statement (lib/db/prepared-read.ts).

export async function staffVersion(client: Db | DbTx, edrpou: string): Promise<string> {
  const [row] = await preparedRead<{ version: bigint | string }>(client, {
    name: "bronya-staff-version",
    text: "SELECT version FROM oberig.staff_versions WHERE edrpou = $1",
    values: [edrpou],
  });
  return row ? String(row.version) : "0";
}

/**
 * The persons whose registry data the enterprise's versions after `since` changed, up to and
 * including the version now (migration 20261206015741_staff_changes), read in one snapshot with
 * that version. null when the notes cannot tell: `since` is not a version this enterprise had
 * (0, or from before a reseed), a change of the whole staff came after it, the prune job has
 * deleted notes after it, or more than `limit` persons changed.
 */
export async function staffChangesSince(
  client: Db | DbTx,
  edrpou: string,
  since: string,
  limit: number,
): Promise<{ version: string; rnokpps: string[] } | null> {
  if (!/^[1-9]\d{0,17}$/.test(since)) return null;
  const [row] = await preparedRead<{ version: bigint | string; complete: boolean; rnokpps: string[] }>(client, {
    name: "bronya-staff-changes-since",
    text: `SELECT s.version,
        s."wholeVersion" <= $2::bigint AND s.version >= $2::bigint
          AND coalesce((SELECT p.through FROM oberig.staff_changes_pruned p WHERE p.edrpou = $1), 0) <= $2::bigint AS complete,
        ARRAY(SELECT DISTINCT c.rnokpp::text FROM oberig.staff_changes c
               WHERE c.edrpou = $1 AND c.version > $2::bigint AND c.version <= s.version LIMIT $3::int + 1) AS rnokpps
      FROM oberig.staff_versions s WHERE s.edrpou = $1`,
    values: [edrpou, since, limit],
  });
  if (!row || !row.complete || row.rnokpps.length > limit) return null;
  return { version: String(row.version), rnokpps: row.rnokpps };
}

/** Deletes the notes of changes older than `olderThanSeconds` (the worker's prune-staff-changes job). */
export async function pruneStaffChanges(client: Db | DbTx, olderThanSeconds: number): Promise<number> {
  const rows = await client.$queryRaw<Array<{ pruned: bigint }>>`
    SELECT oberig.prune_staff_changes(make_interval(secs => ${olderThanSeconds})) AS pruned`;
  return Number(rows[0]?.pruned ?? 0);
}
