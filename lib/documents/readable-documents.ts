import type { Actor } from "@/lib/auth/roles";

// Who may download a signed document (its .p7s, its bytes, its verification report): the person
// who signed it, whatever role they act in now; the head and the authorized persons of the
// enterprise it concerns; the officials of the authority it was accepted for. Nobody else — to
// them the document does not exist. Pure: the caller puts the conditions in its `where`, so the
// database never returns a document the actor may not read.

export type DocumentReader = Pick<Actor, "role" | "rnokpp" | "edrpou" | "authorityId">;

export type ReadableDocumentCondition = { signerRnokpp: string } | { edrpou: string } | { authorityId: string };

/** The conditions any one of which lets `actor` read a document; empty when none can. */
export function readableDocumentConditions(actor: DocumentReader): ReadableDocumentCondition[] {
  const conditions: ReadableDocumentCondition[] = [];
  if (actor.rnokpp) conditions.push({ signerRnokpp: actor.rnokpp });
  if ((actor.role === "ENTERPRISE_HEAD" || actor.role === "AUTHORIZED_PERSON") && actor.edrpou)
    conditions.push({ edrpou: actor.edrpou });
  if (actor.role === "OFFICIAL" && actor.authorityId) conditions.push({ authorityId: actor.authorityId });
  return conditions;
}
