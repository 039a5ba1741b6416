import "server-only";
import type { Ctx } from "@/lib/context";
import type { EnterpriseRecord } from "@/lib/registry";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";
import { authorizationError } from "./errors";

// The authorization a head may withdraw: one of this enterprise's, still in force. Another
// enterprise's membership (or any other kind of membership) is "not found", never "forbidden".

export type WithdrawalSubject = {
  enterprise: EnterpriseRecord;
  membership: { id: string; position: string | null };
  person: { rnokpp: string; fullName: string };
  head: { rnokpp: string; fullName: string };
};

export async function loadWithdrawalSubject(
  ctx: Ctx<"actor" | "db">,
  input: { membershipId: string },
): Promise<WithdrawalSubject> {
  const { actor, db: client } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { enterprise } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "authorizations.manage" });
  const membership = await client.membership.findFirst({
    where: { id: input.membershipId, role: "AUTHORIZED_PERSON", edrpou },
    select: { id: true, position: true, revokedAt: true, user: { select: { rnokpp: true, fullName: true } } },
  });
  if (!membership || !membership.user.rnokpp) throw authorizationError("AUTHORIZATION_NOT_FOUND");
  if (membership.revokedAt) throw authorizationError("AUTHORIZATION_WITHDRAWN");
  return {
    enterprise,
    membership: { id: membership.id, position: membership.position },
    person: { rnokpp: membership.user.rnokpp, fullName: membership.user.fullName },
    head: { rnokpp: actor.rnokpp!, fullName: enterprise.headName ?? actor.fullName },
  };
}
