import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { RoleOption } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * The РНОКПП of the citizen whose session cookie came with this request, for the app-facing
 * hot path: the session JWT is decrypted once and nothing else is run — getServerSession would
 * also run the callbacks and re-encrypt a rolling cookie, several times the cost. The role the
 * person chose must be the conscript's; that the role still holds (a military registration
 * exists) is for the caller's read to confirm, in the same query that fetches the data.
 */
export async function readSessionCitizen(request: NextRequest): Promise<string> {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  const rnokpp = typeof token?.rnokpp === "string" ? token.rnokpp : null;
  if (!token || !rnokpp) throw new AppError("UNAUTHENTICATED", "Увійдіть, щоб побачити свій статус");
  const roles = Array.isArray(token.roles) ? (token.roles as RoleOption[]) : [];
  const active = typeof token.active === "number" ? roles[token.active] : undefined;
  if (active?.role !== "CONSCRIPT") throw new AppError("FORBIDDEN", "Статус доступний у ролі військовозобов'язаного");
  return rnokpp;
}
