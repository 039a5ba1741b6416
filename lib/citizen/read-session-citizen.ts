import "server-only";
import { decode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { isSessionRevoked } from "@/lib/auth/session-revocation";
import { AppError } from "@/lib/errors";

// The citizen behind the session cookie, for the app-facing hot path (GET /api/v1/me/status).
// getServerSession would run next-auth's whole session action — callbacks, and re-encrypting a
// rolling cookie — on every call; here the JWT is decrypted once and its claims are kept, keyed
// by the token itself, until the token expires; the map is bounded. Whether the session was
// signed out is asked of the database on every call (lib/auth/session-revocation.ts).

type Claims = { rnokpp: string | null; role: string | undefined; expiresAt: number; sessionId: unknown };

const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, Claims>();

async function claimsOf(token: string, secret: string | undefined): Promise<Claims | null> {
  const known = remembered.get(token);
  if (known) return known;
  const jwt = await decode({ token, secret: secret ?? "" }).catch(() => null);
  if (!jwt) return null;
  const roles = jwt.roles ?? [];
  const claims: Claims = {
    rnokpp: typeof jwt.rnokpp === "string" ? jwt.rnokpp : null,
    role: typeof jwt.active === "number" ? roles[jwt.active]?.role : undefined,
    expiresAt: typeof jwt.exp === "number" ? jwt.exp * 1000 : 0,
    sessionId: jwt.sid,
  };
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, claims);
  return claims;
}

/**
 * The РНОКПП of the signed-in citizen. The active role must be the conscript's; that the role
 * still holds (a military registration exists) is for the caller's read to confirm, in the
 * same query that fetches the data.
 */
export async function readSessionCitizen(ctx: Ctx<"db" | "now">, request: NextRequest): Promise<string> {
  return citizenOfToken(ctx, await getToken({ req: request, raw: true }));
}

/** The same, from a raw Cookie header (the web server's fast route, outside Next). */
export async function readSessionCitizenFromCookies(
  ctx: Ctx<"db" | "now">,
  cookieHeader: string | undefined,
): Promise<string> {
  const cookies: Record<string, string> = {};
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is not ours; the session cookie is plain base64url
    }
  }
  return citizenOfToken(ctx, await getToken({ req: { cookies, headers: {} } as never, raw: true }));
}

async function citizenOfToken(ctx: Ctx<"db" | "now">, token: string | null): Promise<string> {
  const { now } = ctx;
  const claims = token ? await claimsOf(token, env().NEXTAUTH_SECRET) : null;
  if (claims && claims.expiresAt <= now.getTime()) remembered.delete(token!);
  if (!claims?.rnokpp || claims.expiresAt <= now.getTime() || (await isSessionRevoked(ctx, claims.sessionId))) {
    throw new AppError("UNAUTHENTICATED", "Увійдіть, щоб побачити свій статус");
  }
  if (claims.role !== "CONSCRIPT") throw new AppError("FORBIDDEN", "Статус доступний у ролі військовозобов'язаного");
  return claims.rnokpp;
}
