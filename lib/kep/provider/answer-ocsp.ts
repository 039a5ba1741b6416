import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { type DbTx } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import type { FamilyCa } from "../ca/family-certificates";
import { bytesEqual, bytesToHex, normalizeSerial, toArrayBuffer } from "../bytes";
import { OID } from "../oids";
import { subtle } from "../verify/crypto-engine";
import { certificateFromDer } from "../verify/trust-anchors";
import { issuedBy, signatureAlgorithmOf } from "./build-crl";
import { CA_FAMILIES, loadFamilyIssuingCa } from "./family-cas";
import { REVOCATION_REASONS, isRevocationReason } from "./revoke-certificate";

// An OCSP responder (RFC 6960) for the issuing CA, signed by the CA itself. Answers from the
// certificate table, so a revocation shows at once, as in the CRL. `buildOcspResponse` answers
// for any CA and status source (the tests' stand-in for an imported provider's responder).

export const MAX_OCSP_REQUEST_BYTES = 16 * 1024;
const NONCE_EXTENSION = "1.3.6.1.5.5.7.48.1.2";
const NEXT_UPDATE_MS = 60 * 60_000;

/** RFC 6960 OCSPResponseStatus values the responder uses. */
const STATUS = { successful: 0, malformedRequest: 1, internalError: 2 } as const;

function statusOnly(status: number): Uint8Array<ArrayBuffer> {
  const response = new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) });
  return new Uint8Array(response.toSchema().toBER(false));
}

function context(tagNumber: number, value?: asn1js.AsnType[]): asn1js.AsnType {
  const idBlock = { tagClass: 3, tagNumber };
  return value
    ? new asn1js.Constructed({ idBlock, value })
    : new asn1js.Primitive({ idBlock, lenBlock: { length: 0 } });
}

type IssuerHashes = { algorithmId: string; nameHash: Uint8Array; keyHash: Uint8Array };

async function issuerHashes(issuing: pkijs.Certificate, algorithmId: string): Promise<IssuerHashes | null> {
  const algorithm = algorithmId === "1.3.14.3.2.26" ? "SHA-1" : algorithmId === OID.sha256 ? "SHA-256" : null;
  if (!algorithm) return null;
  const nameHash = new Uint8Array(await subtle.digest(algorithm, issuing.subject.toSchema().toBER(false)));
  const keyHash = new Uint8Array(
    await subtle.digest(algorithm, issuing.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
  );
  return { algorithmId, nameHash, keyHash };
}

async function isIssuerOf(issuing: pkijs.Certificate, certId: pkijs.CertID): Promise<boolean> {
  const hashes = await issuerHashes(issuing, certId.hashAlgorithm.algorithmId);
  return Boolean(
    hashes &&
    bytesEqual(new Uint8Array(certId.issuerNameHash.getValue()), hashes.nameHash) &&
    bytesEqual(new Uint8Array(certId.issuerKeyHash.getValue()), hashes.keyHash),
  );
}

/** A certificate's status as a responder tells it; null: the responder does not know it (unknown). */
export type OcspRecord = { status: "GOOD" | "REVOKED"; revokedAt: Date | null; reason?: number };
export type OcspStatusOf = (serial: string) => Promise<OcspRecord | null>;

async function certificateStatus(
  issuing: pkijs.Certificate,
  certId: pkijs.CertID,
  statusOf: OcspStatusOf,
): Promise<asn1js.AsnType> {
  if (!(await isIssuerOf(issuing, certId))) return context(2);
  const record = await statusOf(normalizeSerial(bytesToHex(certId.serialNumber.valueBlock.valueHexView)));
  if (!record) return context(2);
  if (record.status === "GOOD") return context(0);
  return context(1, [
    new asn1js.GeneralizedTime({ valueDate: record.revokedAt ?? new Date(0) }),
    context(0, [new asn1js.Enumerated({ value: record.reason ?? 0 })]),
  ]);
}

/** The test КНЕДП's record of a serial, if `issuing` issued it. */
function providerStatusOf(client: DbTx, issuing: pkijs.Certificate): OcspStatusOf {
  return async (serial) => {
    const record = await client.certificate.findUnique({
      where: { serial },
      select: { status: true, revokedAt: true, revocationReason: true, der: true },
    });
    if (!record || !issuedBy(new Uint8Array(record.der), issuing)) return null;
    return {
      status: record.status,
      revokedAt: record.revokedAt,
      reason: isRevocationReason(record.revocationReason) ? REVOCATION_REASONS[record.revocationReason] : 0,
    };
  };
}

/** DER OCSPRequest in, DER OCSPResponse out; a request that does not parse gets malformedRequest. */
export async function answerOcspRequest(
  ctx: Ctx<"db" | "now">,
  requestDer: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  if (requestDer.length === 0 || requestDer.length > MAX_OCSP_REQUEST_BYTES) return statusOnly(STATUS.malformedRequest);
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(toArrayBuffer(requestDer));
  } catch {
    return statusOnly(STATUS.malformedRequest);
  }
  const entries = request.tbsRequest.requestList;
  if (entries.length === 0 || entries.length > 20) return statusOnly(STATUS.malformedRequest);

  const { db: client, now } = ctx;
  try {
    return await respond(client, request, now);
  } catch {
    // RFC 6960: the responder answers even when it cannot decide (no provider, database down).
    return statusOnly(STATUS.internalError);
  }
}

async function respond(client: DbTx, request: pkijs.OCSPRequest, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const entries = request.tbsRequest.requestList;
  // The issuing CA (RSA, ECDSA or DSTU 4145) the first request names answers, signing in its family.
  const cas = await Promise.all(CA_FAMILIES.map((family) => loadFamilyIssuingCa({ db: client }, family)));
  let ca = cas[0]!;
  for (const candidate of cas) {
    if (await isIssuerOf(certificateFromDer(candidate.der), entries[0]!.reqCert)) {
      ca = candidate;
      break;
    }
  }
  return buildOcspResponse(ca, request, providerStatusOf(client, certificateFromDer(ca.der)), now);
}

/**
 * A successful BasicOCSPResponse to `request`, each entry's status from `statusOf` for the
 * certificates `ca` issued, signed by `ca` itself or by the responder it delegated to (RFC 6960
 * §4.2.2.2: a certificate `ca` issued with id-kp-OCSPSigning, carried in the response).
 */
export async function buildOcspResponse(
  ca: FamilyCa,
  request: pkijs.OCSPRequest,
  statusOf: OcspStatusOf,
  now: Date,
  responder: FamilyCa = ca,
): Promise<Uint8Array<ArrayBuffer>> {
  const issuing = certificateFromDer(ca.der);
  const responderCertificate = certificateFromDer(responder.der);
  const responses: pkijs.SingleResponse[] = [];
  for (const entry of request.tbsRequest.requestList) {
    responses.push(
      new pkijs.SingleResponse({
        certID: entry.reqCert,
        certStatus: await certificateStatus(issuing, entry.reqCert, statusOf),
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + NEXT_UPDATE_MS),
      }),
    );
  }
  const nonce = request.tbsRequest.requestExtensions?.find((extension) => extension.extnID === NONCE_EXTENSION);
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: responderCertificate.subject,
      producedAt: now,
      responses,
      ...(nonce ? { responseExtensions: [nonce] } : {}),
    }),
    certs: [responderCertificate],
  });
  basic.signatureAlgorithm = signatureAlgorithmOf(responder.key);
  basic.tbsResponseData.tbsView = new Uint8Array(basic.tbsResponseData.toSchema(true).toBER(false));
  basic.signature = new asn1js.BitString({
    valueHex: toArrayBuffer(responder.key.signForCertificate(basic.tbsResponseData.tbsView)),
  });

  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: STATUS.successful }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
