import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";
import { z } from "@/lib/zod";
import { apiTokenPrefix, demoApiToken, generateApiToken, hashApiToken } from "./token-format";

// A head issues a token for their enterprise's HR system. The token is returned once and
// never again; it acts as the head (preparing drafts, reading), while every application it
// submits still needs the head's own КЕП signature over the draft.

export const ZApiTokenName = z
  .string()
  .trim()
  .min(1, "Вкажіть назву токена")
  .max(80, "Назва токена: не більше 80 символів");
const MAX_ACTIVE_TOKENS = 20;

export type IssuedApiToken = { id: string; name: string; prefix: string; createdAt: Date; token: string };

export async function issueApiToken(
  ctx: Ctx<"actor" | "db" | "now">,
  input: { name: string },
): Promise<IssuedApiToken> {
  const { actor, now } = ctx;
  const name = parseInput(ZApiTokenName, input.name);
  assertCan(actor, "apiTokens.manage");
  if (!actor.userId || !actor.edrpou)
    throw new AppError("FORBIDDEN", "Токен може випустити лише керівник, який увійшов до кабінету");
  await resolveEnterpriseAccess(ctx, { edrpou: actor.edrpou, permission: "apiTokens.manage" });
  const edrpou = actor.edrpou;
  const userId = actor.userId;

  return inTransaction(ctx.db, async (tx) => {
    const active = await tx.apiToken.count({ where: { edrpou, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new AppError("CONFLICT", `Підприємство вже має ${MAX_ACTIVE_TOKENS} чинних токенів: відкличте непотрібні`);
    const token = generateApiToken();
    const row = await tx.apiToken.create({
      data: { edrpou, name, tokenHash: hashApiToken(token), prefix: apiTokenPrefix(token), userId, createdAt: now },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "api_token.issue",
      entityType: "ApiToken",
      entityId: row.id,
      edrpou,
      details: { name, prefix: row.prefix },
    });
    return { ...row, token };
  });
}

/**
 * For the demo seed only: gives an enterprise's head the documented demo token
 * (demoApiToken(edrpou)), so that the demo-keys manifest can list it. Idempotent.
 */
export async function issueDemoApiToken(
  ctx: Ctx<"db">,
  input: { edrpou: string; userId: string; name?: string },
): Promise<string> {
  const token = demoApiToken(input.edrpou);
  const tokenHash = hashApiToken(token);
  await ctx.db.apiToken.upsert({
    where: { tokenHash },
    create: {
      edrpou: input.edrpou,
      userId: input.userId,
      name: input.name ?? "Демо-інтеграція HR",
      tokenHash,
      prefix: apiTokenPrefix(token),
    },
    update: { revokedAt: null, userId: input.userId },
  });
  return token;
}
