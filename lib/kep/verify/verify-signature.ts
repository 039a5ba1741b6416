import "server-only";
import type { Ctx } from "@/lib/context";
import { loadVerificationTrust, verificationStatusLookup } from "../trust-list/verification-trust";
import { verifyDetachedSignature, type VerifiedSignature } from "./verify-detached-signature";

// Steps 1–6 against the trust anchors (lib/kep/trust-list/verification-trust.ts: the imported
// trust list, and the test provider in demo mode), revocation from the test provider's
// certificate table (the same data its CRL and OCSP publish) or an imported provider's CRL.
// Login with КЕП calls this; documents go through acceptSignedDocument, which adds 7–8.

export async function verifySignature(ctx: Ctx<"db" | "now">, input: { signature: Uint8Array; content: Uint8Array }): Promise<VerifiedSignature> {
  return verifyDetachedSignature({
    signature: input.signature,
    content: input.content,
    trust: await loadVerificationTrust(ctx.db),
    certificateStatus: verificationStatusLookup(ctx.db, ctx.now),
    now: ctx.now,
  });
}
