import "server-only";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { normalizeSerial } from "../bytes";
import { loadTrust } from "../provider/provider-store";
import type { CertificateStatusLookup } from "./check-certificate";
import { verifyDetachedSignature, type VerifiedSignature } from "./verify-detached-signature";

// Steps 1–6 against the portal's own provider: its CA from the database as trust anchor, its
// certificate table as the revocation source (the same data the CRL and OCSP publish).
// Login with КЕП calls this; documents go through acceptSignedDocument, which adds 7–8.

export function certificateStatusFrom(client: DbTx): CertificateStatusLookup {
  return async (serial) =>
    client.certificate.findUnique({ where: { serial: normalizeSerial(serial) }, select: { status: true, revokedAt: true } });
}

export async function verifySignature(
  input: { signature: Uint8Array; content: Uint8Array },
  options: { db?: DbTx; now?: Date } = {},
): Promise<VerifiedSignature> {
  const client = options.db ?? defaultDb;
  return verifyDetachedSignature({
    signature: input.signature,
    content: input.content,
    trust: await loadTrust(client),
    certificateStatus: certificateStatusFrom(client),
    now: options.now ?? new Date(),
  });
}
