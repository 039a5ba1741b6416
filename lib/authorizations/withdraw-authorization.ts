import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { notify } from "@/lib/notifications";
import { AUTHORIZATION_NONCE_PURPOSE, authorizationDocument } from "./authorization-document";
import { authorizationError } from "./errors";
import { loadWithdrawalSubject } from "./load-withdrawal-subject";
import { ZWithdrawInput } from "./schemas";

// The signed withdrawal. The membership row is locked first, so a second withdrawal waits and
// then finds it withdrawn. From the commit on, the person's sessions lose the role at their
// next request (getActor re-reads memberships) and the lifecycle refuses them
// (resolveEnterpriseAccess): nothing else needs revoking.

export async function withdrawAuthorization(
  ctx: Ctx<"actor" | "db" | "now">,
  raw: unknown,
): Promise<{ membershipId: string; revokedAt: Date }> {
  const { actor, now } = ctx;
  const input = parseInput(ZWithdrawInput, raw);

  return inTransaction(
    ctx.db,
    async (tx) => {
      const locked = await tx.$queryRaw<
        Array<{ id: string }>
      >`SELECT id FROM memberships WHERE id = ${input.membershipId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw authorizationError("AUTHORIZATION_NOT_FOUND");
      const { enterprise, membership, person, head } = await loadWithdrawalSubject(
        { actor, db: tx },
        { membershipId: input.membershipId },
      );
      const content = authorizationDocument({
        action: "WITHDRAW",
        enterprise: { edrpou: enterprise.edrpou, name: enterprise.name },
        person: { ...person, position: membership.position },
        head,
        membershipId: membership.id,
        nonce: input.nonce,
      });
      const accepted = await acceptSignedDocument(
        { db: tx, now },
        {
          kind: "AUTHORIZATION",
          content,
          signature: input.signature,
          edrpou: enterprise.edrpou,
          signer: { role: "ENTERPRISE_HEAD", enterprise },
          nonce: { value: input.nonce, purpose: AUTHORIZATION_NONCE_PURPOSE.WITHDRAW },
        },
      );
      await tx.membership.update({ where: { id: membership.id }, data: { revokedAt: now } });
      await writeAudit(tx, {
        actor: { rnokpp: actor.rnokpp, role: actor.role },
        action: "authorization.withdraw",
        entityType: "Membership",
        entityId: membership.id,
        edrpou: enterprise.edrpou,
        signedDocumentId: accepted.id,
        details: { rnokpp: person.rnokpp, fullName: person.fullName },
      });
      await notify(tx, [
        {
          recipientRnokpp: person.rnokpp,
          audience: "company",
          kind: "authorization.withdrawn",
          title: "Уповноваження відкликано",
          body: `${head.fullName} відкликав ваше уповноваження готувати заяви підприємства «${enterprise.shortName ?? enterprise.name}» (ЄДРПОУ ${enterprise.edrpou}). Доступ до кабінету підприємства припинено.`,
          email: true,
        },
      ]);
      return { membershipId: membership.id, revokedAt: now };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
