import "server-only";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { registryFor, type EnterpriseRecord } from "@/lib/registry";
import { reservationError } from "./errors";

// Who may act for an enterprise, checked against the sources of truth on every call rather
// than trusted from a session or a token: its head is whoever the state register names now,
// an authorized person holds a membership the head has not withdrawn. A stale session or
// token of a replaced head therefore stops working at once. Anything else is "not found".

export type EnterpriseAccess = {
  enterprise: EnterpriseRecord;
  /** The actor is the registry's head of this enterprise (may sign). */
  isHead: boolean;
};

export async function resolveEnterpriseAccess(
  ctx: Ctx<"actor" | "db">,
  input: { edrpou: string; permission: Permission },
): Promise<EnterpriseAccess> {
  const { actor, db: client } = ctx;
  const { edrpou } = input;
  assertCan(actor, input.permission);
  if (!actor.rnokpp) throw reservationError("ACTOR_WITHOUT_IDENTITY");
  if (actor.edrpou !== edrpou) throw reservationError("ENTERPRISE_NOT_FOUND");

  const enterprise = await registryFor(client).findEnterprise(edrpou);
  if (!enterprise) throw reservationError("ENTERPRISE_NOT_FOUND");

  if (actor.role === "ENTERPRISE_HEAD") {
    if (enterprise.headRnokpp !== actor.rnokpp) throw reservationError("ENTERPRISE_NOT_FOUND");
    return { enterprise, isHead: true };
  }
  if (actor.role === "AUTHORIZED_PERSON" && actor.userId) {
    const membership = await client.membership.findFirst({
      where: { userId: actor.userId, role: "AUTHORIZED_PERSON", edrpou, revokedAt: null },
      select: { id: true },
    });
    if (membership) return { enterprise, isHead: false };
  }
  throw reservationError("ENTERPRISE_NOT_FOUND");
}
