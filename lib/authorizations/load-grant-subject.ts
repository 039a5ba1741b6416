import "server-only";
import type { Ctx } from "@/lib/context";
import { registryFor, type EnterpriseRecord } from "@/lib/registry";
import { resolveEnterpriseAccess } from "@/lib/reservations/resolve-enterprise-access";
import { authorizationError } from "./errors";

// The checks a grant passes twice — when the document is prepared and again, on fresh data,
// inside the transaction that accepts the signature: the actor heads this enterprise, the
// person is in the registry, is not the head, and holds no authorization here yet.

export type GrantSubject = {
  enterprise: EnterpriseRecord;
  person: { rnokpp: string; fullName: string };
  head: { rnokpp: string; fullName: string };
};

export async function loadGrantSubject(ctx: Ctx<"actor" | "db">, input: { rnokpp: string }): Promise<GrantSubject> {
  const { actor, db: client } = ctx;
  const { rnokpp } = input;
  const edrpou = actor.edrpou ?? "";
  const { enterprise } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "authorizations.manage" });
  const person = await registryFor(client).findPerson(rnokpp);
  if (!person) throw authorizationError("PERSON_NOT_FOUND");
  if (rnokpp === enterprise.headRnokpp) throw authorizationError("SELF_AUTHORIZATION");
  const active = await client.membership.findFirst({
    where: { role: "AUTHORIZED_PERSON", edrpou, revokedAt: null, user: { rnokpp } },
    select: { id: true },
  });
  if (active) throw authorizationError("ALREADY_AUTHORIZED", { membershipId: active.id });
  return {
    enterprise,
    person: { rnokpp, fullName: person.fullName },
    head: { rnokpp: actor.rnokpp!, fullName: enterprise.headName ?? actor.fullName },
  };
}
