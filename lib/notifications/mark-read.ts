import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Audience } from "./audiences";

/** Marks the given notifications (or all of a cabinet) read. Only the recipient's own rows change. */
export async function markNotificationsRead(db: DbTx, options: { rnokpp: string; audience: Audience; ids?: string[]; now: Date }) {
  const result = await db.notification.updateMany({
    where: { recipientRnokpp: options.rnokpp, audience: options.audience, readAt: null, ...(options.ids ? { id: { in: options.ids } } : {}) },
    data: { readAt: options.now },
  });
  return result.count;
}
