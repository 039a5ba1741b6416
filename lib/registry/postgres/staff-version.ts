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
