import "server-only";
import type { Ctx } from "@/lib/context";
import type { Audience } from "./audiences";

/** Marks the given notifications (or all of a cabinet) read. Only the recipient's own rows change. */
export async function markNotificationsRead(
  ctx: Ctx<"db" | "now">,
  options: { rnokpp: string; audience: Audience; ids?: string[] },
) {
  const result = await ctx.db.notification.updateMany({
    where: {
      recipientRnokpp: options.rnokpp,
      audience: options.audience,
      readAt: null,
      ...(options.ids ? { id: { in: options.ids } } : {}),
    },
    data: { readAt: ctx.now },
  });
  return result.count;
}
