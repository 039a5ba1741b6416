import "server-only";
import type { Ctx } from "@/lib/context";
import { normalizeSerial } from "../bytes";
import { loadTrust } from "../provider/provider-store";
import type { CertificateStatusLookup } from "./check-certificate";
import { verifyDetachedSignature, type VerifiedSignature } from "./verify-detached-signature";

// Steps 1–6 against the portal's own provider: its CA from the database as trust anchor, its
// certificate table as the revocation source (the same data the CRL and OCSP publish).
// Login with КЕП calls this; documents go through acceptSignedDocument, which adds 7–8.

export function certificateStatusFrom(ctx: Ctx<"db">): CertificateStatusLookup {
  return async (serial) =>
    ctx.db.certificate.findUnique({ where: { serial: normalizeSerial(serial) }, select: { status: true, revokedAt: true } });
}

export async function verifySignature(ctx: Ctx<"db" | "now">, input: { signature: Uint8Array; content: Uint8Array }): Promise<VerifiedSignature> {
  return verifyDetachedSignature({
    signature: input.signature,
    content: input.content,
    trust: await loadTrust(ctx.db),
    certificateStatus: certificateStatusFrom(ctx),
    now: ctx.now,
  });
}
