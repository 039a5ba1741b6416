import "server-only";
import type { Ctx } from "@/lib/context";
import type { Audience } from "./audiences";

/** A person's notifications of one cabinet, newest first, with the unread count. */
export async function listNotifications(
  ctx: Ctx<"db">,
  options: { rnokpp: string; audience: Audience; take?: number; unreadOnly?: boolean },
) {
  const { db } = ctx;
  const where = {
    recipientRnokpp: options.rnokpp,
    audience: options.audience,
    ...(options.unreadOnly ? { readAt: null } : {}),
  };
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

export async function countUnread(ctx: Ctx<"db">, options: { rnokpp: string; audience: Audience }) {
  return ctx.db.notification.count({
    where: { recipientRnokpp: options.rnokpp, audience: options.audience, readAt: null },
  });
}
