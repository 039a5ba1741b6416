import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { notify } from "@/lib/notifications";
import { AUTHORIZATION_NONCE_PURPOSE, authorizationDocument } from "./authorization-document";
import { loadGrantSubject } from "./load-grant-subject";
import { ZGrantInput } from "./schemas";

// Step two: the head's signature over the rebuilt document. In one transaction, serialised per
// enterprise and person (two tabs granting at once cannot both pass "not yet authorized"): the
// checks run again, the signature is verified (the head of this ЄДРПОУ, with a key issued for
// it; the nonce consumed; a replayed signature refused), and the membership, the signed
// document, the audit row and the person's notice are written. The person's account is created
// when they have none, so a first КЕП or password sign-in finds the role at once.

export async function grantAuthorization(
  ctx: Ctx<"actor" | "db" | "now">,
  raw: unknown,
): Promise<{ membershipId: string; person: { rnokpp: string; fullName: string } }> {
  const { actor, now } = ctx;
  const input = parseInput(ZGrantInput, raw);

  return inTransaction(
    ctx.db,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`authorization:${actor.edrpou ?? ""}:${input.rnokpp}`}))`;
      const { enterprise, person, head } = await loadGrantSubject({ actor, db: tx }, { rnokpp: input.rnokpp });
      const content = authorizationDocument({
        action: "GRANT",
        enterprise: { edrpou: enterprise.edrpou, name: enterprise.name },
        person: { ...person, position: input.position },
        head,
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
          nonce: { value: input.nonce, purpose: AUTHORIZATION_NONCE_PURPOSE.GRANT },
        },
      );
      const user =
        (await tx.user.findUnique({ where: { rnokpp: person.rnokpp }, select: { id: true } })) ??
        (await tx.user.create({ data: { rnokpp: person.rnokpp, fullName: person.fullName }, select: { id: true } }));
      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          role: "AUTHORIZED_PERSON",
          edrpou: enterprise.edrpou,
          position: input.position,
          grantedByRnokpp: head.rnokpp,
          signedDocumentId: accepted.id,
          grantedAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor: { rnokpp: actor.rnokpp, role: actor.role },
        action: "authorization.grant",
        entityType: "Membership",
        entityId: membership.id,
        edrpou: enterprise.edrpou,
        signedDocumentId: accepted.id,
        details: { rnokpp: person.rnokpp, fullName: person.fullName, position: input.position },
      });
      await notify(tx, [
        {
          recipientRnokpp: person.rnokpp,
          audience: "company",
          kind: "authorization.granted",
          title: "Вас уповноважено готувати заяви про бронювання",
          body:
            `${head.fullName}, керівник підприємства «${enterprise.shortName ?? enterprise.name}» (ЄДРПОУ ${enterprise.edrpou}), уповноважив вас ` +
            "переглядати працівників і готувати заяви про бронювання. Підписує заяви керівник. Увійдіть до порталу й оберіть роль «Довірена особа підприємства».",
          link: "/company",
        },
      ]);
      return { membershipId: membership.id, person };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
