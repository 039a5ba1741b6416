import "server-only";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import type { DbClient } from "@/lib/db/transaction";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { privateKeyToPem } from "@/lib/kep/provider/provider-store";

// The issuer's qualified electronic seal on certificates: a seal certificate of a legal entity
// (organizationIdentifier NTRUA-<ЄДРПОУ>) that the test КНЕДП issues to the Ministry of Defence,
// the holder of the Оберіг registry. Kept beside the provider's keys (public.ca_keys), issued on
// first use, like the portal's audit seal (lib/audit/portal-seal.ts).

export const CERTIFICATE_SEAL_ID = "certificates-seal";
export const CERTIFICATE_SEAL_SUBJECT = {
  // The seal's responsible person; the РНОКПП field of the profile is required.
  rnokpp: "3357700152",
  edrpou: "00034022",
  fullName: "Печатка реєстру Оберіг",
  organization: "Міністерство оборони України",
  title: "Кваліфікована електронна печатка реєстру «Оберіг»",
} as const;

export type CertificateSeal = { sign(content: Uint8Array, signingTime: Date): Uint8Array; serial: string };

/** The seal, issued on first use. Call it with a client (not inside a transaction) the first time. */
export async function loadCertificateSeal(client: DbClient, now: Date): Promise<CertificateSeal> {
  const existing = await client.caKey.findUnique({ where: { id: CERTIFICATE_SEAL_ID }, select: { certPem: true, keyPem: true } });
  if (existing) return sealFrom(existing);
  const password = randomBytes(18).toString("base64url");
  const issued = await issueCertificate({ db: client, now }, { ...CERTIFICATE_SEAL_SUBJECT, password });
  const opened = openKeyFile(issued.p12, password);
  const row = { certPem: forge.pki.certificateToPem(opened.certificate), keyPem: privateKeyToPem(opened.privateKey) };
  // Two first users at once: the first row wins, the other certificate stays unused.
  await client.caKey.createMany({ data: [{ id: CERTIFICATE_SEAL_ID, ...row }], skipDuplicates: true });
  return sealFrom(await client.caKey.findUniqueOrThrow({ where: { id: CERTIFICATE_SEAL_ID }, select: { certPem: true, keyPem: true } }));
}

function sealFrom(row: { certPem: string; keyPem: string }): CertificateSeal {
  const certificate = forge.pki.certificateFromPem(row.certPem);
  const privateKey = forge.pki.privateKeyFromPem(row.keyPem) as forge.pki.rsa.PrivateKey;
  return { sign: (content, signingTime) => signDetached({ privateKey, certificate }, content, { signingTime }), serial: certificate.serialNumber };
}
