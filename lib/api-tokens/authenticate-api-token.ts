import "server-only";
import type { HeadActor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { hashApiToken, ZApiToken } from "./token-format";

// A bearer token → the head it acts as. The token must be known, not revoked, its user not
// disabled, and that user must still head the enterprise in the state register: a head who
// left takes their tokens' power with them. Last use is recorded at most once a minute, so a
// busy integration costs one indexed read per request, not a write.

const TOUCH_EVERY_MS = 60_000;

export async function authenticateApiToken(ctx: Ctx<"db" | "registry" | "now">, token: string): Promise<HeadActor> {
  const { db, now } = ctx;
  if (!ZApiToken.safeParse(token).success) throw invalid();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      edrpou: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, rnokpp: true, fullName: true, disabledAt: true } },
    },
  });
  if (!row) throw invalid();
  if (row.revokedAt) throw new AppError("API_TOKEN_REVOKED", "Токен API відкликано");
  if (row.user.disabledAt || !row.user.rnokpp) throw invalid();
  const enterprise = await ctx.registry.findEnterprise(row.edrpou);
  if (!enterprise || enterprise.headRnokpp !== row.user.rnokpp)
    throw invalid("Власник токена більше не є керівником підприємства");

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return {
    userId: row.user.id,
    rnokpp: row.user.rnokpp,
    fullName: row.user.fullName,
    role: "ENTERPRISE_HEAD",
    edrpou: row.edrpou,
    via: "token",
  };
}

function invalid(message = "Недійсний токен API"): AppError {
  return new AppError("API_TOKEN_INVALID", message);
}
