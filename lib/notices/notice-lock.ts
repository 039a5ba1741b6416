import "server-only";
import type { DbTx } from "@/lib/db/client";

// Forming notices and granting a reservation or a deferment must not cross: a notice formed from
// a registry read that missed a reservation committing at the same moment would survive it. The
// writers of protections take this advisory lock shared (they do not wait for each other), forming
// takes it exclusive: either forming sees the committed reservation and refuses, or the
// reservation's transaction, waiting for the lock, sees the committed notice and withdraws it.

/** pg_advisory_xact_lock key ("NOTICES" in ASCII). */
const NOTICES_LOCK = 0x4e4f5449434553n;

export async function lockForForming(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTICES_LOCK}::bigint)`;
}

export async function lockForProtection(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${NOTICES_LOCK}::bigint)`;
}
