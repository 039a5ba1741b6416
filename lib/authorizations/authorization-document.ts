import { canonicalJsonBytes, type JsonValue } from "@/lib/kep/canonical-json";

// What the head signs to grant or withdraw an authorization: RFC 8785 canonical JSON that the
// server rebuilds from the registry and the nonce it issued, so the signature covers exactly
// the person, the enterprise and the rights the head saw — and this one act only (the nonce).

export const AUTHORIZATION_DOCUMENT_TYPE = "bronya.authorization";
export const AUTHORIZATION_RIGHTS = [
  "Переглядати працівників підприємства та їхню придатність до бронювання",
  "Готувати заяви про бронювання та анулювання бронювання (підписує лише керівник)",
] as const;

export const AUTHORIZATION_NONCE_PURPOSE = {
  GRANT: "authorization.grant",
  WITHDRAW: "authorization.withdraw",
} as const;

type Party = { rnokpp: string; fullName: string };

export type AuthorizationDocumentInput = {
  action: "GRANT" | "WITHDRAW";
  enterprise: { edrpou: string; name: string };
  person: Party & { position: string | null };
  head: Party;
  /** The authorization being withdrawn. */
  membershipId?: string;
  nonce: string;
};

export function authorizationDocument(input: AuthorizationDocumentInput): Uint8Array {
  const document: JsonValue = {
    type: AUTHORIZATION_DOCUMENT_TYPE,
    version: 1,
    action: input.action,
    title:
      input.action === "GRANT"
        ? "Уповноваження особи на підготовку заяв про бронювання працівників"
        : "Відкликання уповноваження особи на підготовку заяв про бронювання працівників",
    enterprise: { edrpou: input.enterprise.edrpou, name: input.enterprise.name },
    person: { rnokpp: input.person.rnokpp, fullName: input.person.fullName, position: input.person.position },
    rights: [...AUTHORIZATION_RIGHTS],
    head: { rnokpp: input.head.rnokpp, fullName: input.head.fullName },
    ...(input.membershipId ? { authorizationId: input.membershipId } : {}),
    nonce: input.nonce,
  };
  return canonicalJsonBytes(document);
}
