import "server-only";
import type { DbTx } from "@/lib/db/client";

// The application row locked for the rest of the worker's transaction: a second worker (a
// retried or duplicate job) waits here, then sees DECIDED and leaves — the exactly-once gate.

export type LockedApplication = {
  id: string;
  kind: "RESERVATION" | "ANNULMENT";
  status: "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";
  edrpou: string;
  ground: string | null;
  signerRnokpp: string;
};

export async function lockApplication(tx: DbTx, applicationId: string): Promise<LockedApplication | null> {
  const rows = await tx.$queryRaw<LockedApplication[]>`
    SELECT id, kind::text AS kind, status::text AS status, edrpou, ground, "signerRnokpp"
    FROM applications WHERE id = ${applicationId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}
