import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { AUTHORIZATION_NONCE_PURPOSE, authorizationDocument } from "./authorization-document";
import { loadWithdrawalSubject } from "./load-withdrawal-subject";
import { PREPARED_TTL_SECONDS, type PreparedAuthorization } from "./prepare-authorization-grant";
import { ZPrepareWithdrawalInput } from "./schemas";

// Withdrawing is signed like granting: the head sees whose authorization ends and signs that.

export async function prepareAuthorizationWithdrawal(
  ctx: Ctx<"actor" | "db" | "now">,
  raw: unknown,
): Promise<PreparedAuthorization> {
  const { db: client, now } = ctx;
  const input = parseInput(ZPrepareWithdrawalInput, raw);
  const subject = await loadWithdrawalSubject(ctx, { membershipId: input.membershipId });
  const nonce = await issueNonce(
    { db: client, now },
    { purpose: AUTHORIZATION_NONCE_PURPOSE.WITHDRAW, ttlSeconds: PREPARED_TTL_SECONDS },
  );
  const enterprise = { edrpou: subject.enterprise.edrpou, name: subject.enterprise.name };
  const person = { ...subject.person, position: subject.membership.position };
  const bytes = authorizationDocument({
    action: "WITHDRAW",
    enterprise,
    person,
    head: subject.head,
    membershipId: subject.membership.id,
    nonce: nonce.value,
  });
  return { document: Buffer.from(bytes).toString("base64"), nonce: nonce.value, person, enterprise };
}
