import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context";

// Sign-out on the server. A session is a signed JWT cookie; each carries its own id (`sid`),
// and signing out writes that id to a deny-list that every request checks (the session
// callbacks in lib/auth/options.ts, and the status route served before Next), so a cookie copied
// before sign-out stops working at once. Rows are useless once the token would have expired
// anyway; the purge job deletes them then.

export const SESSION_REVOKED = "SESSION_REVOKED";

export function newSessionId(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the session may not be used: signed out, or without an id (made before ids existed). */
export async function isSessionRevoked(ctx: Ctx<"db">, sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return true;
  return (await ctx.db.revokedSession.findUnique({ where: { id: sessionId }, select: { id: true } })) !== null;
}

export async function revokeSession(
  ctx: Ctx<"db" | "now">,
  input: { sessionId: unknown; expiresAtSeconds: unknown },
): Promise<void> {
  const { sessionId, expiresAtSeconds } = input;
  const { now } = ctx;
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return;
  const expiresAt =
    typeof expiresAtSeconds === "number" ? new Date(expiresAtSeconds * 1000) : new Date(now.getTime() + 24 * 3600_000);
  await ctx.db.revokedSession.createMany({
    data: [{ id: sessionId, revokedAt: now, expiresAt }],
    skipDuplicates: true,
  });
}
