import "server-only";
import type { Ctx } from "@/lib/context";

// A draft that was never signed is only a prepared list; once it has expired (it can no longer
// be submitted: DRAFT_STALE) and a week has passed for the head to see it in the cabinet, it
// goes. A signed draft stays for ever: its application, signed document and audit rest on it.

export async function purgeUnsignedDrafts(ctx: Ctx<"db" | "now">, input: { keepDays?: number } = {}): Promise<number> {
  const before = new Date(ctx.now.getTime() - (input.keepDays ?? 7) * 86_400_000);
  const { count } = await ctx.db.draft.deleteMany({ where: { expiresAt: { lt: before }, application: null } });
  return count;
}
