import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { AUTHORIZATION_NONCE_PURPOSE, authorizationDocument } from "./authorization-document";
import { loadWithdrawalSubject } from "./load-withdrawal-subject";
import { PREPARED_TTL_SECONDS, type PreparedAuthorization } from "./prepare-authorization-grant";
import { ZPrepareWithdrawalInput } from "./schemas";

// Withdrawing is signed like granting: the head sees whose authorization ends and signs that.

export async function prepareAuthorizationWithdrawal(options: { actor: Actor; input: unknown; now?: Date; db?: Db }): Promise<PreparedAuthorization> {
  const client = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const input = parseInput(ZPrepareWithdrawalInput, options.input);
  const subject = await loadWithdrawalSubject(client, { actor: options.actor, membershipId: input.membershipId });
  const nonce = await issueNonce(AUTHORIZATION_NONCE_PURPOSE.WITHDRAW, PREPARED_TTL_SECONDS, { db: client, now });
  const enterprise = { edrpou: subject.enterprise.edrpou, name: subject.enterprise.name };
  const person = { ...subject.person, position: subject.membership.position };
  const bytes = authorizationDocument({ action: "WITHDRAW", enterprise, person, head: subject.head, membershipId: subject.membership.id, nonce: nonce.value });
  return { document: Buffer.from(bytes).toString("base64"), nonce: nonce.value, person, enterprise };
}
