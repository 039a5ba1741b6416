import "server-only";
import { db as defaultDb, type DbTx } from "@/lib/db/client";

// A draft that was never signed is only a prepared list; once it has expired (it can no longer
// be submitted: DRAFT_STALE) and a week has passed for the head to see it in the cabinet, it
// goes. A signed draft stays for ever: its application, signed document and audit rest on it.

export async function purgeUnsignedDrafts(options: { db?: DbTx; now?: Date; keepDays?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.keepDays ?? 7) * 86_400_000);
  const { count } = await (options.db ?? defaultDb).draft.deleteMany({ where: { expiresAt: { lt: before }, application: null } });
  return count;
}
