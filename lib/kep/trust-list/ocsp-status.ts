import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesEqual, bytesToHex, normalizeSerial, toArrayBuffer } from "../bytes";
import { OID } from "../oids";
import { publicKeyAlgorithmOf, signatureAlgorithmNamed } from "../verify/algorithms";
import { verifyCertificateSignature, type CertificateStatus } from "../verify/check-certificate";
import { cryptoEngine } from "../verify/crypto-engine";
import { namesEqual } from "../verify/match-signer";
import type { TrustedCa } from "../verify/trust-anchors";
import { verifySignatureValue } from "../verify/verify-signature-value";
import { statusUnavailable as unavailable } from "./crl-status";
import { statusUrlsOf } from "./parse-trust-bundle";

// Revocation of a certificate an imported qualified provider issued, through the provider's
// OCSP responder (the AIA address in the certificate, RFC 6960): a request with a fresh nonce,
// posted with a timeout; the answer must be signed by the issuing CA or by a responder
// certificate that CA issued for OCSP signing, be current, echo the nonce when it carries one
// and speak of this very certificate. A good or revoked answer is kept until its nextUpdate (at
// most 10 minutes). Anything else is CERTIFICATE_STATUS_UNAVAILABLE, and the caller may fall back
// to the CRL; «unknown» is an answer: the certificate is not the provider's (null).

export const OCSP_FETCH_TIMEOUT_MS = 5_000;
const MAX_OCSP_RESPONSE_BYTES = 1024 * 1024;
const MAX_CACHE_MS = 10 * 60_000;
const CLOCK_SKEW_MS = 5 * 60_000;
const NONCE_EXTENSION = "1.3.6.1.5.5.7.48.1.2";
const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
const EXT_KEY_USAGE = "2.5.29.37";

type CachedStatus = { status: CertificateStatus | null; usableUntil: number };
const cache = new Map<string, CachedStatus>();

/** For tests: forget every OCSP answer kept so far. */
export function clearOcspCache(): void {
  cache.clear();
}

/** The responder addresses a certificate names (http/https only). */
export function ocspUrlsOf(certificate: pkijs.Certificate): string[] {
  return statusUrlsOf(certificate).ocspUrls.filter((url) => /^https?:\/\//i.test(url));
}

async function post(url: string, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: Buffer.from(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
      headers: { "content-type": "application/ocsp-request", accept: "application/ocsp-response" },
    });
  } catch (error) {
    throw unavailable(
      error instanceof Error && error.name === "TimeoutError"
        ? `${url}: немає відповіді за ${timeoutMs} мс`
        : `${url}: недоступний`,
    );
  }
  if (!response.ok) throw unavailable(`${url}: HTTP ${response.status}`);
  if (Number(response.headers.get("content-length") ?? 0) > MAX_OCSP_RESPONSE_BYTES)
    throw unavailable(`${url}: завелика відповідь OCSP`);
  let answer: ArrayBuffer;
  try {
    answer = await response.arrayBuffer();
  } catch {
    throw unavailable(`${url}: відповідь обірвалася`);
  }
  if (answer.byteLength > MAX_OCSP_RESPONSE_BYTES) throw unavailable(`${url}: завелика відповідь OCSP`);
  return new Uint8Array(answer);
}

const hasOcspSigning = (certificate: pkijs.Certificate) => {
  const usage = certificate.extensions?.find((extension) => extension.extnID === EXT_KEY_USAGE)?.parsedValue;
  return usage instanceof pkijs.ExtKeyUsage && usage.keyPurposes.includes(OCSP_SIGNING);
};

/** The certificates whose key may sign this answer: the issuing CA, or a responder it delegated to. */
async function responderCandidates(
  basic: pkijs.BasicOCSPResponse,
  issuer: TrustedCa,
  now: Date,
): Promise<Array<{ certificate: pkijs.Certificate; der: Uint8Array }>> {
  const candidates = [{ certificate: issuer.certificate, der: issuer.der }];
  for (const delegate of basic.certs ?? []) {
    if (!namesEqual(delegate.issuer, issuer.certificate.subject) || !hasOcspSigning(delegate)) continue;
    if (now < delegate.notBefore.value || now > delegate.notAfter.value) continue;
    const der = new Uint8Array(delegate.toSchema().toBER(false));
    if (await verifyCertificateSignature(delegate, issuer).catch(() => false))
      candidates.push({ certificate: delegate, der });
  }
  return candidates;
}

async function signedByResponder(basic: pkijs.BasicOCSPResponse, issuer: TrustedCa, now: Date): Promise<boolean> {
  const named = signatureAlgorithmNamed(basic.signatureAlgorithm.algorithmId);
  if (!named.digest) return false;
  for (const candidate of await responderCandidates(basic, issuer, now)) {
    const key = publicKeyAlgorithmOf(candidate.certificate.subjectPublicKeyInfo);
    if (key.family !== named.family) continue;
    const signed = {
      certificate: candidate.certificate,
      certificateDer: candidate.der,
      digestName: named.digest,
      signed: basic.tbsResponseData.tbsView,
      value: basic.signature.valueBlock.valueHexView,
      dstuWrapped: true,
    };
    if (await verifySignatureValue(signed, key).catch(() => false)) return true;
  }
  return false;
}

const sameCertId = (a: pkijs.CertID, b: pkijs.CertID) =>
  a.hashAlgorithm.algorithmId === b.hashAlgorithm.algorithmId &&
  bytesEqual(new Uint8Array(a.issuerNameHash.getValue()), new Uint8Array(b.issuerNameHash.getValue())) &&
  bytesEqual(new Uint8Array(a.issuerKeyHash.getValue()), new Uint8Array(b.issuerKeyHash.getValue())) &&
  bytesEqual(a.serialNumber.valueBlock.valueHexView, b.serialNumber.valueBlock.valueHexView);

async function askResponder(
  url: string,
  certificate: pkijs.Certificate,
  issuer: TrustedCa,
  now: Date,
  timeoutMs: number,
): Promise<CachedStatus> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(
    certificate,
    { hashAlgorithm: "SHA-1", issuerCertificate: issuer.certificate },
    cryptoEngine,
  );
  const nonce = new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(randomBytes(16))) });
  request.tbsRequest.requestExtensions = [
    new pkijs.Extension({ extnID: NONCE_EXTENSION, extnValue: nonce.toBER(false) }),
  ];
  const asked = request.tbsRequest.requestList[0]!.reqCert;
  const answer = await post(url, new Uint8Array(request.toSchema(true).toBER(false)), timeoutMs);

  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(toArrayBuffer(answer));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) throw new Error("unsuccessful");
    if (response.responseBytes.responseType !== OID.ocspBasic) throw new Error("not basic");
    basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.getValue());
  } catch {
    throw unavailable(`${url}: відповідь не є успішною відповіддю OCSP`);
  }
  if (!(await signedByResponder(basic, issuer, now)))
    throw unavailable(`${url}: відповідь OCSP не підписана ЦСК або його OCSP-сервером`);
  const echoed = basic.tbsResponseData.responseExtensions?.find((extension) => extension.extnID === NONCE_EXTENSION);
  if (echoed && !bytesEqual(new Uint8Array(echoed.extnValue.getValue()), new Uint8Array(nonce.toBER(false))))
    throw unavailable(`${url}: відповідь OCSP на інший запит (nonce)`);
  const single = basic.tbsResponseData.responses.find((candidate) => sameCertId(candidate.certID, asked));
  if (!single) throw unavailable(`${url}: у відповіді OCSP немає цього сертифіката`);
  const nextUpdate = single.nextUpdate?.getTime();
  if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw unavailable(`${url}: відповідь OCSP ще не чинна`);
  if (nextUpdate !== undefined && nextUpdate < now.getTime()) throw unavailable(`${url}: відповідь OCSP застаріла`);
  // Without nextUpdate the answer is only as fresh as its thisUpdate: used once, not kept.
  if (nextUpdate === undefined && single.thisUpdate.getTime() < now.getTime() - CLOCK_SKEW_MS)
    throw unavailable(`${url}: відповідь OCSP застаріла`);
  const usableUntil = Math.min(nextUpdate ?? now.getTime(), now.getTime() + MAX_CACHE_MS);

  const status = single.certStatus as asn1js.AsnType;
  const tag = status.idBlock.tagClass === 3 ? status.idBlock.tagNumber : -1;
  if (tag === 0) return { status: { status: "GOOD", revokedAt: null }, usableUntil };
  if (tag === 1) {
    const when = (status as asn1js.Constructed).valueBlock.value?.[0];
    const revokedAt = when instanceof asn1js.GeneralizedTime ? when.toDate() : null;
    return { status: { status: "REVOKED", revokedAt }, usableUntil };
  }
  if (tag === 2) return { status: null, usableUntil };
  throw unavailable(`${url}: незрозумілий статус у відповіді OCSP`);
}

/**
 * The status of `certificate`, issued by the imported CA `issuer`, from its OCSP responder; null
 * when the responder answers «unknown». Throws CERTIFICATE_STATUS_UNAVAILABLE when no usable answer
 * can be had (no address among them included).
 */
export async function ocspCertificateStatus(
  certificate: pkijs.Certificate,
  issuer: TrustedCa,
  options: { now: Date; timeoutMs?: number },
): Promise<CertificateStatus | null> {
  const urls = ocspUrlsOf(certificate);
  if (urls.length === 0) throw unavailable("у сертифікаті немає адреси OCSP");
  const serial = normalizeSerial(bytesToHex(certificate.serialNumber.valueBlock.valueHexView));
  const issuerHash = createHash("sha256").update(issuer.der).digest("hex");
  let lastError: unknown = null;
  for (const url of urls) {
    const key = `${url}\n${issuerHash}\n${serial}`;
    const kept = cache.get(key);
    if (kept && kept.usableUntil >= options.now.getTime()) return kept.status;
    try {
      const answer = await askResponder(
        url,
        certificate,
        issuer,
        options.now,
        options.timeoutMs ?? OCSP_FETCH_TIMEOUT_MS,
      );
      if (answer.usableUntil > options.now.getTime()) {
        if (cache.size > 4096) cache.clear();
        cache.set(key, answer);
      }
      return answer.status;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError ?? unavailable("OCSP недоступний");
}
