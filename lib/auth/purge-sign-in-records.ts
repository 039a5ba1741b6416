import "server-only";
import type { Ctx } from "@/lib/context";
import { purgeThrottles } from "@/lib/throttle";

// Deny-listed sessions past their token's expiry, and every throttle's counts past their window
// and wait (lib/throttle), protect nothing any more (the purge-expired job, daily).

export async function purgeSignInRecords(ctx: Ctx<"db" | "now">): Promise<{ sessions: number; throttles: number }> {
  const { db: client, now } = ctx;
  const sessions = await client.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  const throttles = await purgeThrottles(now.getTime());
  return { sessions: sessions.count, throttles };
}
