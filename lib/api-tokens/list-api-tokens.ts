import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
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

export async function listApiTokens(options: { actor: Actor; edrpou: string }): Promise<ApiTokenSummary[]> {
  assertCan(options.actor, "apiTokens.manage");
  await resolveEnterpriseAccess(db, { actor: options.actor, edrpou: options.edrpou, permission: "apiTokens.manage" });
  const rows = await db.apiToken.findMany({
    where: { edrpou: options.edrpou },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { fullName: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...row, createdBy: user.fullName }));
}
