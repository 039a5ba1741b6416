import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { normalizeSerial } from "../bytes";
import { loadTrust } from "../provider/provider-store";
import type { CertificateStatusLookup } from "../verify/check-certificate";
import { loadTrustAnchors, type TrustAnchors, type TrustedCa } from "../verify/trust-anchors";
import { importedCertificateStatus } from "./imported-certificate-status";

// What a signature is verified against: the CAs of the imported trust list (the qualified
// providers, chains built to their roots), and — in demo mode only (DEMO_MODE=1; the test
// runner counts as demo unless DEMO_MODE=0) — the portal's own test КНЕДП. With DEMO_MODE=0,
// whatever NODE_ENV says, only imported anchors count. The portal's own seals (audit anchors,
// state certificates) are checked against its own provider in every mode: `ownSeal`.
// Revocation: the test КНЕДП's own certificate table for its certificates, the provider's
// OCSP or CRL (cached, with a timeout) for an imported CA's.

/** The test КНЕДП is a trust anchor for signers only in demo mode (lib/env.ts TEST_PROVIDER_TRUSTED). */
export function testProviderTrusted(): boolean {
  return env().TEST_PROVIDER_TRUSTED;
}

const importedCache = new Map<string, Promise<TrustedCa[]>>();

/** The imported trust list as verified anchors (cached per import). */
export async function loadImportedTrust(client: DbClient): Promise<TrustedCa[]> {
  const latest = await client.trustListImport.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!latest) return [];
  let cas = importedCache.get(latest.id);
  if (!cas) {
    cas = (async () => {
      const rows = await client.trustedCaCertificate.findMany({
        select: { der: true, isRoot: true },
        orderBy: { sha256: "asc" },
      });
      const anchors = await loadTrustAnchors(
        {
          roots: rows.filter((row) => row.isRoot).map((row) => new Uint8Array(row.der)),
          intermediates: rows.filter((row) => !row.isRoot).map((row) => new Uint8Array(row.der)),
        },
        { strict: false },
      );
      return anchors.cas.map((ca) => ({ ...ca, source: "imported" as const }));
    })();
    cas.catch(() => importedCache.delete(latest.id));
    if (importedCache.size > 4) importedCache.clear();
    importedCache.set(latest.id, cas);
  }
  return cas;
}

const sameDer = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

export async function loadVerificationTrust(
  client: DbClient,
  options: { ownSeal?: boolean } = {},
): Promise<TrustAnchors> {
  const provider =
    options.ownSeal || testProviderTrusted()
      ? (await loadTrust(client)).cas.map((ca) => ({ ...ca, source: "provider" as const }))
      : [];
  const imported = (await loadImportedTrust(client)).filter((ca) => !provider.some((own) => sameDer(own.der, ca.der)));
  return { cas: [...provider, ...imported] };
}

/** The test КНЕДП's certificate table for its own certificates; OCSP, else the CRL, for an imported CA's. */
export function verificationStatusLookup(client: DbClient, now: Date): CertificateStatusLookup {
  return async (serial, context) => {
    if (context?.issuer.source === "imported")
      return importedCertificateStatus(context.certificate, context.issuer, { now });
    return client.certificate.findUnique({
      where: { serial: normalizeSerial(serial) },
      select: { status: true, revokedAt: true },
    });
  };
}
