import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Audience } from "./audiences";

/** A person's notifications of one cabinet, newest first, with the unread count. */
export async function listNotifications(db: DbTx, options: { rnokpp: string; audience: Audience; take?: number; unreadOnly?: boolean }) {
  const where = { recipientRnokpp: options.rnokpp, audience: options.audience, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: Math.min(options.take ?? 50, 200),
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { recipientRnokpp: options.rnokpp, audience: options.audience, readAt: null } }),
  ]);
  return { items, unread };
}

export async function countUnread(db: DbTx, options: { rnokpp: string; audience: Audience }) {
  return db.notification.count({ where: { recipientRnokpp: options.rnokpp, audience: options.audience, readAt: null } });
}
