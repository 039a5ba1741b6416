import "server-only";
import type { Db, DbTx } from "@/lib/db/client";

// A cheap fingerprint of everything findStaff(edrpou, { employedOn }) reads: the enterprise's
// employment records (hashed whole — they carry no update time), the persons and military
// records of its staff (their update times), the marks of its staff anywhere (count and update
// time) and the enterprise's own record. It changes whenever any of them changes, so a cached
// read-model of 10,000 employees can be reused until then. One round trip, a few index ranges.

export async function staffVersion(client: Db | DbTx, edrpou: string): Promise<string> {
  const [row] = await client.$queryRaw<Array<{ version: string }>>`
    SELECT concat_ws(';',
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, rnokpp, position, "startDate", "endDate", salary, "mainJob", suspended), ',' ORDER BY id), ''))
         FROM oberig.employments WHERE edrpou = ${edrpou}),
      (SELECT concat_ws('|', count(*), max(p."updatedAt"), count(m.rnokpp), max(m."updatedAt"))
         FROM oberig.employments e JOIN oberig.persons p ON p.rnokpp = e.rnokpp LEFT JOIN oberig.military_registrations m ON m.rnokpp = e.rnokpp
         WHERE e.edrpou = ${edrpou}),
      (SELECT concat_ws('|', count(*), max(rm."updatedAt"))
         FROM oberig.reservation_marks rm WHERE rm.rnokpp IN (SELECT rnokpp FROM oberig.employments WHERE edrpou = ${edrpou})),
      (SELECT md5(e::text) FROM oberig.enterprises e WHERE e.edrpou = ${edrpou})
    ) AS version`;
  return row?.version ?? "";
}
