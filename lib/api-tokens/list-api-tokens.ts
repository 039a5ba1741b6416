import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";

// The enterprise's tokens for the head's settings page: never the token, only its prefix.

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string;
};

export async function listApiTokens(ctx: Ctx<"actor" | "db">, input: { edrpou: string }): Promise<ApiTokenSummary[]> {
  assertCan(ctx.actor, "apiTokens.manage");
  await resolveEnterpriseAccess(ctx, { edrpou: input.edrpou, permission: "apiTokens.manage" });
  const rows = await ctx.db.apiToken.findMany({
    where: { edrpou: input.edrpou },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { fullName: true } },
    },
  });
  return rows.map(({ user, ...row }) => ({ ...row, createdBy: user.fullName }));
}
