import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesToHex, normalizeSerial, toArrayBuffer } from "../bytes";
import { kepError } from "../errors";
import { publicKeyAlgorithmOf, signatureAlgorithmNamed } from "../verify/algorithms";
import type { CertificateStatus } from "../verify/check-certificate";
import { namesEqual } from "../verify/match-signer";
import type { TrustedCa } from "../verify/trust-anchors";
import { verifySignatureValue } from "../verify/verify-signature-value";
import { statusUrlsOf } from "./parse-trust-bundle";

// Revocation of a certificate an imported qualified provider issued, through the provider's
// CRL (the distribution point the certificate names): fetched with a timeout, its signature
// checked with the issuing CA's key, kept until its nextUpdate (at most an hour). When no CRL
// can be had — no address, the provider does not answer, times out, or answers with something
// that is not a current CRL signed by that CA — the answer is CERTIFICATE_STATUS_UNAVAILABLE
// («не вдалося перевірити статус сертифіката»), never an acceptance.

export const CRL_FETCH_TIMEOUT_MS = 5_000;
const MAX_CRL_BYTES = 20 * 1024 * 1024;
const MAX_CACHE_MS = 60 * 60_000;

type CachedCrl = { revoked: Map<string, Date>; usableUntil: number };
const cache = new Map<string, CachedCrl>();

/** For tests: forget every CRL fetched so far. */
export function clearCrlCache(): void {
  cache.clear();
}

export const statusUnavailable = (reason: string) =>
  kepError(
    "CERTIFICATE_STATUS_UNAVAILABLE",
    "Не вдалося перевірити статус сертифіката: надавач не відповідає або його відповідь (OCSP, список відкликаних сертифікатів) недійсна, спробуйте пізніше",
    { reason },
  );
const unavailable = statusUnavailable;

async function download(url: string, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
      headers: { accept: "application/pkix-crl" },
    });
  } catch (error) {
    throw unavailable(
      error instanceof Error && error.name === "TimeoutError"
        ? `${url}: немає відповіді за ${timeoutMs} мс`
        : `${url}: недоступний`,
    );
  }
  if (!response.ok) throw unavailable(`${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_CRL_BYTES) throw unavailable(`${url}: завеликий CRL`);
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch {
    throw unavailable(`${url}: відповідь обірвалася`);
  }
  if (body.byteLength > MAX_CRL_BYTES) throw unavailable(`${url}: завеликий CRL`);
  return new Uint8Array(body);
}

async function readCrl(der: Uint8Array, issuer: TrustedCa, now: Date, url: string): Promise<CachedCrl> {
  let crl: pkijs.CertificateRevocationList;
  try {
    const ber = asn1js.fromBER(toArrayBuffer(der));
    if (ber.offset === -1) throw new Error("not DER");
    crl = new pkijs.CertificateRevocationList({ schema: ber.result });
  } catch {
    throw unavailable(`${url}: відповідь не є CRL`);
  }
  if (!namesEqual(crl.issuer, issuer.certificate.subject)) throw unavailable(`${url}: CRL видано іншим ЦСК`);
  let signed = false;
  try {
    const named = signatureAlgorithmNamed(crl.signatureAlgorithm.algorithmId);
    const key = publicKeyAlgorithmOf(issuer.certificate.subjectPublicKeyInfo);
    signed =
      named.family === key.family &&
      named.digest !== undefined &&
      (await verifySignatureValue(
        {
          certificate: issuer.certificate,
          certificateDer: issuer.der,
          digestName: named.digest,
          signed: crl.tbsView,
          value: crl.signatureValue.valueBlock.valueHexView,
          dstuWrapped: true,
        },
        key,
      ));
  } catch {
    signed = false;
  }
  if (!signed) throw unavailable(`${url}: підпис CRL не перевіряється ключем ЦСК`);
  const nextUpdate = crl.nextUpdate?.value;
  if (crl.thisUpdate.value.getTime() > now.getTime() + 5 * 60_000)
    throw unavailable(`${url}: CRL ще не набув чинності`);
  if (!nextUpdate || nextUpdate.getTime() < now.getTime()) throw unavailable(`${url}: CRL застарів`);
  const revoked = new Map<string, Date>();
  for (const entry of crl.revokedCertificates ?? []) {
    revoked.set(normalizeSerial(bytesToHex(entry.userCertificate.valueBlock.valueHexView)), entry.revocationDate.value);
  }
  return { revoked, usableUntil: Math.min(nextUpdate.getTime(), now.getTime() + MAX_CACHE_MS) };
}

/**
 * The status of `certificate`, issued by the imported CA `issuer`, from the CRL it names.
 * Throws CERTIFICATE_STATUS_UNAVAILABLE when no current CRL signed by `issuer` can be had.
 */
export async function crlCertificateStatus(
  certificate: pkijs.Certificate,
  issuer: TrustedCa,
  options: { now: Date; timeoutMs?: number },
): Promise<CertificateStatus> {
  const urls = statusUrlsOf(certificate).crlUrls.filter((url) => /^https?:\/\//i.test(url));
  if (urls.length === 0) throw unavailable("у сертифікаті немає адреси CRL");
  const serial = normalizeSerial(bytesToHex(certificate.serialNumber.valueBlock.valueHexView));
  let lastError: unknown = null;
  for (const url of urls) {
    // One entry per address and issuing CA: a CRL is only good for the CA whose key signed it.
    const key = `${url}\n${createHash("sha256").update(issuer.der).digest("hex")}`;
    let entry = cache.get(key);
    if (!entry || entry.usableUntil < options.now.getTime()) {
      try {
        entry = await readCrl(await download(url, options.timeoutMs ?? CRL_FETCH_TIMEOUT_MS), issuer, options.now, url);
      } catch (error) {
        lastError = error;
        continue;
      }
      if (cache.size > 256) cache.clear();
      cache.set(key, entry);
    }
    const revokedAt = entry.revoked.get(serial);
    return revokedAt ? { status: "REVOKED", revokedAt } : { status: "GOOD", revokedAt: null };
  }
  throw lastError ?? unavailable("CRL недоступний");
}
