import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { preparedRead } from "@/lib/db/prepared-read";

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

/**
 * The sign-out check as every process prepares it, by name ($1: the session's id). The status
 * benchmark's floor (scripts/bench/support/status-floor-server.ts) runs it too.
 */
export const SESSION_REVOKED_STATEMENT = {
  name: "bronya-session-revoked",
  text: `SELECT 1 AS "revoked" FROM "public"."revoked_sessions" WHERE "id" = $1::uuid`,
} as const;

/**
 * True when the session may not be used: signed out, or without an id (made before ids existed).
 * Asked of the database on every request, as a prepared statement (lib/db/prepared-read.ts): it
 * runs before every page and every status poll, and through Prisma it cost ~0.4 ms of CPU.
 */
export async function isSessionRevoked(ctx: Ctx<"db">, sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return true;
  const rows = await preparedRead(ctx.db, { ...SESSION_REVOKED_STATEMENT, values: [sessionId] });
  return rows.length > 0;
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
