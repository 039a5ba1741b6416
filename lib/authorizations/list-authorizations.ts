import "server-only";
import type { Ctx } from "@/lib/context";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";

// The enterprise's authorized persons, current ones first, then the withdrawn, each with the
// signed documents that granted and withdrew it (downloadable at /api/documents/<id>/…).

export type AuthorizationSummary = {
  id: string;
  rnokpp: string;
  fullName: string;
  position: string | null;
  grantedAt: Date;
  grantedByRnokpp: string | null;
  grantDocumentId: string | null;
  revokedAt: Date | null;
  withdrawalDocumentId: string | null;
};

export async function listAuthorizations(ctx: Ctx<"actor" | "db">): Promise<AuthorizationSummary[]> {
  const client = ctx.db;
  const edrpou = ctx.actor.edrpou ?? "";
  await resolveEnterpriseAccess(ctx, { edrpou, permission: "authorizations.manage" });
  const rows = await client.membership.findMany({
    where: { role: "AUTHORIZED_PERSON", edrpou },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { grantedAt: "desc" }],
    select: {
      id: true,
      position: true,
      grantedAt: true,
      grantedByRnokpp: true,
      signedDocumentId: true,
      revokedAt: true,
      user: { select: { rnokpp: true, fullName: true } },
    },
  });
  const withdrawn = rows.filter((r) => r.revokedAt).map((r) => r.id);
  const withdrawals = withdrawn.length
    ? await client.auditLog.findMany({
        where: { entityType: "Membership", entityId: { in: withdrawn }, action: "authorization.withdraw", edrpou },
        select: { entityId: true, signedDocumentId: true },
      })
    : [];
  const withdrawalOf = new Map(withdrawals.map((w) => [w.entityId, w.signedDocumentId]));
  return rows.map((r) => ({
    id: r.id,
    rnokpp: r.user.rnokpp ?? "",
    fullName: r.user.fullName,
    position: r.position,
    grantedAt: r.grantedAt,
    grantedByRnokpp: r.grantedByRnokpp,
    grantDocumentId: r.signedDocumentId,
    revokedAt: r.revokedAt,
    withdrawalDocumentId: withdrawalOf.get(r.id) ?? null,
  }));
}
