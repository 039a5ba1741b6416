import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";
import { z } from "@/lib/zod";

// Revocation takes effect on the next request (every request looks the token up). Revoking a
// revoked token is not an error: the answer is the same state. Another enterprise's token is
// not found.

export async function revokeApiToken(
  ctx: Ctx<"actor" | "db" | "now">,
  input: { tokenId: string },
): Promise<{ id: string; revokedAt: Date }> {
  const { actor, now } = ctx;
  assertCan(actor, "apiTokens.manage");
  if (!actor.edrpou || !z.string().uuid().safeParse(input.tokenId).success) throw notFound();
  await resolveEnterpriseAccess(ctx, { edrpou: actor.edrpou, permission: "apiTokens.manage" });
  const edrpou = actor.edrpou;
  return inTransaction(ctx.db, async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: input.tokenId, edrpou },
      select: { id: true, revokedAt: true, prefix: true },
    });
    if (!token) throw notFound();
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "api_token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      edrpou,
      details: { prefix: token.prefix },
    });
    return { id: token.id, revokedAt: now };
  });
}

function notFound(): AppError {
  return new AppError("API_TOKEN_NOT_FOUND", "Токен не знайдено");
}
