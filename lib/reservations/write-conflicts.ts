import { Prisma } from "@/lib/db/client";

// Errors after which a decision transaction is simply run again: another transaction won a
// race this one could not see coming — the same person reserved by another enterprise in the
// same instant (the one-active-reservation unique index), a deadlock, a serialization failure.
// The rerun re-reads the facts and decides on what the winner committed.

const RETRYABLE_SQLSTATES = new Set(["23505", "40P01", "40001"]);

export function isWriteConflict(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002" || error.code === "P2034") return true;
    return RETRYABLE_SQLSTATES.has(sqlState(error.meta) ?? "");
  }
  return false;
}

function sqlState(meta: unknown): string | undefined {
  const cause = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)
    ?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : undefined;
}
