import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { IsoDate } from "@/lib/rules";

// The lifecycle's large inserts — an application's 10,000 items, a decision's thousands of
// reservations — as one INSERT … SELECT FROM json_to_recordset each. Prisma's createMany
// spends seconds on batches this size (measured: 10,000 rows ≈ 4–6 s against ≈ 0.3 s here),
// which alone would break the two-second decision. The parameter is read as json, not jsonb:
// the rows are read once, and building a jsonb of 3 MB first cost Postgres twice as long
// (241 against 113 ms a round trip; every bulk writer of the portal does the same).

export type NewApplicationItem = { position: number; rnokpp: string; fullName: string; salary: string | null };

export async function insertApplicationItems(
  tx: DbTx,
  applicationId: string,
  items: readonly NewApplicationItem[],
): Promise<void> {
  if (items.length === 0) return;
  const rows = JSON.stringify(items);
  await tx.$executeRaw`
    INSERT INTO application_items (id, "applicationId", position, rnokpp, "fullName", salary, reasons)
    SELECT gen_random_uuid(), ${applicationId}::uuid, position, rnokpp, "fullName", salary, '{}'
    FROM json_to_recordset(${rows}::json) AS x(position int, rnokpp text, "fullName" text, salary numeric(12, 2))
    ORDER BY position`;
}

export type NewReservation = {
  id: string;
  rnokpp: string;
  edrpou: string;
  decisionId: string;
  applicationId: string;
  fromDate: IsoDate;
  untilDate: IsoDate;
  rulesetVersion: string;
  exception45: boolean;
};

/** Active reservations, inserted in РНОКПП order (a fixed lock order against racing enterprises). */
export async function insertReservations(
  tx: DbTx,
  reservations: readonly NewReservation[],
  createdAt: Date,
): Promise<void> {
  if (reservations.length === 0) return;
  const rows = JSON.stringify(reservations);
  await tx.$executeRaw`
    INSERT INTO reservations (id, rnokpp, edrpou, "decisionId", "applicationId", "fromDate", "untilDate", "rulesetVersion", exception45, status, "activeRnokpp", "createdAt")
    SELECT id, rnokpp, edrpou, "decisionId", "applicationId", "fromDate", "untilDate", "rulesetVersion", exception45, 'ACTIVE', rnokpp, ${createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM json_to_recordset(${rows}::json)
      AS x(id uuid, rnokpp text, edrpou text, "decisionId" uuid, "applicationId" uuid, "fromDate" date, "untilDate" date, "rulesetVersion" text, exception45 boolean)
    ORDER BY rnokpp`;
}
