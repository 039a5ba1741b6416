import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { AUTHORIZATION_NONCE_PURPOSE, authorizationDocument } from "./authorization-document";
import { loadGrantSubject } from "./load-grant-subject";
import { ZPrepareGrantInput } from "./schemas";

// Step one of authorizing a person: the head types a РНОКПП; the registry names the person
// (the head confirms the name before signing) and the server prepares the exact document with
// a fresh nonce. Nothing is granted yet; a refused check issues no nonce.

export const PREPARED_TTL_SECONDS = 30 * 60;

export type PreparedAuthorization = {
  /** Base64 of the canonical bytes to sign. */
  document: string;
  nonce: string;
  person: { rnokpp: string; fullName: string; position: string | null };
  enterprise: { edrpou: string; name: string };
};

export async function prepareAuthorizationGrant(
  ctx: Ctx<"actor" | "db" | "now">,
  raw: unknown,
): Promise<PreparedAuthorization> {
  const { db: client, now } = ctx;
  const input = parseInput(ZPrepareGrantInput, raw);
  const subject = await loadGrantSubject(ctx, { rnokpp: input.rnokpp });
  const nonce = await issueNonce(
    { db: client, now },
    { purpose: AUTHORIZATION_NONCE_PURPOSE.GRANT, ttlSeconds: PREPARED_TTL_SECONDS },
  );
  const enterprise = { edrpou: subject.enterprise.edrpou, name: subject.enterprise.name };
  const person = { ...subject.person, position: input.position };
  const bytes = authorizationDocument({ action: "GRANT", enterprise, person, head: subject.head, nonce: nonce.value });
  return { document: Buffer.from(bytes).toString("base64"), nonce: nonce.value, person, enterprise };
}
