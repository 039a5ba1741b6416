import "server-only";
import type { DbTx } from "@/lib/db/client";
import { toKopiykas, type Kopiykas } from "@/lib/format";

// An application's items in the listed order, as the worker needs them: one row holding a JSON
// array, because decoding 10,000 rows one by one costs more than the query itself.

export type ListedItem = { id: string; rnokpp: string; salary: Kopiykas | null };

export async function readApplicationItems(tx: DbTx, applicationId: string): Promise<ListedItem[]> {
  const [row] = await tx.$queryRaw<Array<{ data: string | null }>>`
    SELECT json_agg(json_build_array(id, rnokpp, salary::text) ORDER BY position)::text AS data
    FROM application_items WHERE "applicationId" = ${applicationId}::uuid`;
  const tuples = row?.data ? (JSON.parse(row.data) as Array<[string, string, string | null]>) : [];
  return tuples.map(([id, rnokpp, salary]) => ({ id, rnokpp, salary: salary === null ? null : toKopiykas(salary) }));
}
