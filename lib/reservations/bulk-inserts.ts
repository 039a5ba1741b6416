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

export type NewDraft = {
  kind: "RESERVATION" | "ANNULMENT";
  edrpou: string;
  createdByUserId: string | null;
  createdByRnokpp: string;
  /** The canonical bytes the head is to sign. */
  document: Uint8Array;
  nonce: string;
  payload: unknown;
  precheck: unknown;
  /** Employees listed, and those of them who pass the pre-check: what the list of drafts shows. */
  employeeCount: number;
  passingCount: number;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * A draft in one INSERT with its JSON as text into json columns: for 10,000 employees the payload
 * and the pre-check are 4 MB, and Prisma's create spent 730–770 ms on them at national scale
 * (2026-12-06), most of it Postgres parsing them into jsonb (3.7 MB: 130–170 ms to parse alone;
 * 60–80 ms stored as json). Nothing queries inside them: the counts the list shows are columns.
 */
export async function insertDraft(tx: DbTx, draft: NewDraft): Promise<{ id: string }> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO drafts (id, kind, edrpou, "createdByUserId", "createdByRnokpp", document, nonce, payload, precheck,
      "employeeCount", "passingCount", "createdAt", "expiresAt")
    VALUES (gen_random_uuid(), ${draft.kind}::"ApplicationKind", ${draft.edrpou}, ${draft.createdByUserId}::uuid,
      ${draft.createdByRnokpp}, decode(${Buffer.from(draft.document).toString("base64")}, 'base64'), ${draft.nonce},
      ${JSON.stringify(draft.payload)}::json, ${JSON.stringify(draft.precheck)}::json,
      ${draft.employeeCount}::int, ${draft.passingCount}::int,
      ${draft.createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${draft.expiresAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    RETURNING id::text`;
  return row!;
}
