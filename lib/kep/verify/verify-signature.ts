import "server-only";
import type { Ctx } from "@/lib/context";
import { loadVerificationTrust, verificationStatusLookup } from "../trust-list/verification-trust";
import { verifyDetachedSignature, type VerifiedSignature } from "./verify-detached-signature";

// Steps 1–6 against the trust anchors (lib/kep/trust-list/verification-trust.ts: the imported
// trust list, and the test provider in demo mode), revocation from the test provider's
// certificate table (the same data its CRL and OCSP publish) or an imported provider's CRL.
// Login with КЕП calls this; documents go through acceptSignedDocument, which adds 7–8.

export type VerifySignatureInput = {
  signature: Uint8Array;
  content: Uint8Array;
  /** A seal the portal made itself (audit anchors, state certificates): its own provider is trusted in every mode. */
  ownSeal?: boolean;
};

export async function verifySignature(ctx: Ctx<"db" | "now">, input: VerifySignatureInput): Promise<VerifiedSignature> {
  return verifyDetachedSignature({
    signature: input.signature,
    content: input.content,
    trust: await loadVerificationTrust(ctx.db, { ownSeal: input.ownSeal }),
    certificateStatus: verificationStatusLookup(ctx.db, ctx.now),
    now: ctx.now,
  });
}
