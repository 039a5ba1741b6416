import "server-only";
import type { Ctx } from "@/lib/context";
import { LOGIN_THROTTLE } from "./login-throttle";

// Deny-listed sessions past their token's expiry, and throttle counts past their window and
// wait, protect nothing any more (the purge-expired job, daily).

export async function purgeSignInRecords(ctx: Ctx<"db" | "now">): Promise<{ sessions: number; throttles: number }> {
  const { db: client, now } = ctx;
  const sessions = await client.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  const throttles = await client.loginThrottle.deleteMany({
    where: {
      lastFailureAt: { lt: new Date(now.getTime() - LOGIN_THROTTLE.windowMs) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
  return { sessions: sessions.count, throttles: throttles.count };
}
