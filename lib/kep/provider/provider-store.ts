import "server-only";
import forge from "node-forge";
import type { DbTx } from "@/lib/db/client";
import { binaryToBytes } from "../bytes";
import { certificateFromDer, type CaMaterial } from "../ca/certificate-tools";
import { kepError } from "../errors";
import { derFromPem, loadTrustAnchors, type TrustAnchors } from "../verify/trust-anchors";

// Reading and writing the provider's CA rows (public.ca_keys). The key column is omitted by
// the db client by default; only issuance and CRL signing select it.

export const ROOT_ID = "root";
export const ISSUING_ID = "issuing";

export function certificateToPem(certificate: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(certificate);
}

/** PKCS#8, which both forge and WebCrypto (CRL and OCSP signing) import. */
export function privateKeyToPem(privateKey: forge.pki.rsa.PrivateKey): string {
  return forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey)));
}

export function caFromRow(row: { certPem: string; keyPem: string }): CaMaterial {
  return {
    certificate: certificateFromDer(derFromPem(row.certPem)),
    privateKey: forge.pki.privateKeyFromPem(row.keyPem) as forge.pki.rsa.PrivateKey,
  };
}

export function pkcs8DerFromPem(pem: string): Uint8Array {
  const message = forge.pem.decode(pem)[0];
  if (!message || message.type !== "PRIVATE KEY") throw new Error("Ключ ЦСК має бути у форматі PKCS#8");
  return binaryToBytes(message.body);
}

/** The issuing CA with its private key, and the root certificate for the chain. */
export async function loadIssuingCa(
  client: DbTx,
): Promise<{ issuing: CaMaterial; issuingKeyPem: string; root: forge.pki.Certificate }> {
  const rows = await client.caKey.findMany({
    where: { id: { in: [ROOT_ID, ISSUING_ID] } },
    select: { id: true, certPem: true, keyPem: true },
  });
  const issuingRow = rows.find((row) => row.id === ISSUING_ID);
  const rootRow = rows.find((row) => row.id === ROOT_ID);
  if (!issuingRow || !rootRow) throw kepError("PROVIDER_NOT_INITIALIZED");
  return {
    issuing: caFromRow(issuingRow),
    issuingKeyPem: issuingRow.keyPem,
    root: certificateFromDer(derFromPem(rootRow.certPem)),
  };
}

// Parsing and checking the anchors costs two signature checks; the rows never change once
// written, so the result is kept per certificate text (a new database gives new text).
const trustCache = new Map<string, Promise<TrustAnchors>>();

/** Every CA of the test provider: the RSA, ECDSA and DSTU 4145 roots and issuing CAs. */
export async function loadTrust(client: DbTx): Promise<TrustAnchors> {
  const rows = await client.caKey.findMany({ select: { id: true, certPem: true }, orderBy: { id: "asc" } });
  if (!rows.some((row) => row.id === ROOT_ID) || !rows.some((row) => row.id === ISSUING_ID))
    throw kepError("PROVIDER_NOT_INITIALIZED");
  const key = rows.map((row) => `${row.id}\n${row.certPem}`).join("\n");
  let anchors = trustCache.get(key);
  if (!anchors) {
    anchors = loadTrustAnchors({
      roots: rows.filter((row) => row.id.startsWith("root")).map((row) => derFromPem(row.certPem)),
      intermediates: rows.filter((row) => row.id.startsWith("issuing")).map((row) => derFromPem(row.certPem)),
    });
    anchors.catch(() => trustCache.delete(key));
    if (trustCache.size > 8) trustCache.clear();
    trustCache.set(key, anchors);
  }
  return anchors;
}
