import "server-only";
import type { DbTx, SignedDocumentKind } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { acceptSignedDocument, type AcceptedSignedDocument } from "@/lib/kep/accept-signed-document";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import type { ActingAuthority } from "./acting-authority";

// Every signed act of the cabinet: the server hands out a nonce with the prepared document,
// and accepts the signature over the rebuilt bytes only from an official of the acting
// authority (an active OFFICIAL membership there, a key issued for the authority's ЄДРПОУ),
// consuming the nonce in the caller's transaction.

export const NONCE_PURPOSES = {
  grant: "decision.grant",
  change: "decision.change",
  import: "decision.import",
} as const;
export type SigningPurpose = keyof typeof NONCE_PURPOSES;

/** How long a prepared document may wait for its signature. */
const PREPARED_TTL_SECONDS = 30 * 60;

export async function issueSigningNonce(
  ctx: { db: DbTx; now: Date },
  input: { purpose: SigningPurpose },
): Promise<string> {
  return (await issueNonce(ctx, { purpose: NONCE_PURPOSES[input.purpose], ttlSeconds: PREPARED_TTL_SECONDS })).value;
}

/** Runs in the caller's transaction (`ctx.db`). */
export async function acceptOfficialSignature(
  ctx: { db: DbTx; now: Date },
  input: {
    authority: Pick<ActingAuthority, "id" | "edrpou">;
    kind: SignedDocumentKind;
    purpose: SigningPurpose;
    content: Uint8Array;
    signatureBase64: string;
    nonce: string;
    edrpou?: string;
  },
): Promise<AcceptedSignedDocument> {
  const signature = Uint8Array.from(Buffer.from(input.signatureBase64, "base64"));
  if (signature.length === 0) throw new AppError("SIGNATURE_MALFORMED", "Порожній підпис");
  return acceptSignedDocument(ctx, {
    kind: input.kind,
    content: input.content,
    signature,
    edrpou: input.edrpou,
    authorityId: input.authority.id,
    nonce: { value: input.nonce, purpose: NONCE_PURPOSES[input.purpose] },
    signer: { role: "OFFICIAL", authority: input.authority },
  });
}

/**
 * Serialises grants for one enterprise: two officials granting at once cannot both pass the
 * "no decision in force" check. An advisory lock, because there may be no decision row to lock
 * yet; acts on an existing decision take the lifecycle's row lock instead (see
 * applyDecisionChange), so nothing here waits on the reservations' writers.
 */
export async function lockEnterpriseForGrant(tx: DbTx, edrpous: readonly string[]): Promise<void> {
  // Sorted, so that two batches sharing enterprises take the locks in the same order.
  for (const edrpou of [...new Set(edrpous)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`critical-decision:${edrpou}`}))`;
  }
}
