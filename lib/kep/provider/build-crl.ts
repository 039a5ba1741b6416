import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { Ctx } from "@/lib/context";
import { hexToBytes, toArrayBuffer } from "../bytes";
import type { FamilyKey } from "../ca/family-keys";
import { OID } from "../oids";
import { subtle } from "../verify/crypto-engine";
import { namesEqual } from "../verify/match-signer";
import { certificateFromDer } from "../verify/trust-anchors";
import { loadFamilyIssuingCa, type CaFamily } from "./family-cas";
import { pkcs8DerFromPem } from "./provider-store";
import { REVOCATION_REASONS, isRevocationReason } from "./revoke-certificate";

// The issuing CA's CRL (RFC 5280 v2), built from the certificate table on every request so
// that a revocation shows at once. A short nextUpdate keeps relying parties from caching it.

const NEXT_UPDATE_MS = 60 * 60_000;

/** A serial in lowercase hex as a DER INTEGER value (a leading 00 keeps it positive). */
export function serialInteger(serial: string): asn1js.Integer {
  const bytes = hexToBytes(serial.length % 2 === 0 ? serial : `0${serial}`);
  const positive = bytes[0]! & 0x80 ? Uint8Array.from([0, ...bytes]) : bytes;
  return new asn1js.Integer({ valueHex: positive.buffer as ArrayBuffer });
}

export async function importCaSigningKey(keyPem: string): Promise<CryptoKey> {
  return subtle.importKey("pkcs8", pkcs8DerFromPem(keyPem), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

function extension(extnID: string, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical: false, extnValue: value.toBER(false) });
}

/** The AlgorithmIdentifier a family key signs certificates, CRLs and OCSP answers with. */
export function signatureAlgorithmOf(key: FamilyKey): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({
    algorithmId: key.certificateSignatureAlgorithm,
    ...(key.nullParameters ? { algorithmParams: new asn1js.Null() } : {}),
  });
}

/** Is this recorded certificate one that `issuing` issued? (The table holds every family's.) */
export function issuedBy(der: Uint8Array, issuing: pkijs.Certificate): boolean {
  try {
    return namesEqual(certificateFromDer(der).issuer, issuing.subject);
  } catch {
    return false;
  }
}

export async function buildCrl(
  ctx: Ctx<"db" | "now">,
  input: { family?: CaFamily } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { db: client, now } = ctx;
  const ca = await loadFamilyIssuingCa(ctx, input.family ?? "rsa");
  const issuing = certificateFromDer(ca.der);
  const rows = await client.certificate.findMany({
    where: { status: "REVOKED" },
    select: { serial: true, revokedAt: true, revocationReason: true, der: true },
    orderBy: { revokedAt: "asc" },
  });
  const revoked = rows.filter((row) => issuedBy(new Uint8Array(row.der), issuing));
  const algorithm = signatureAlgorithmOf(ca.key);
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuing.subject,
    signature: algorithm,
    thisUpdate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: now }),
    nextUpdate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: new Date(now.getTime() + NEXT_UPDATE_MS) }),
  });
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map((entry) => {
      const reason = isRevocationReason(entry.revocationReason) ? REVOCATION_REASONS[entry.revocationReason] : 0;
      return new pkijs.RevokedCertificate({
        userCertificate: serialInteger(entry.serial),
        revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: entry.revokedAt ?? now }),
        crlEntryExtensions: new pkijs.Extensions({
          extensions: [extension(OID.crlReason, new asn1js.Enumerated({ value: reason }))],
        }),
      });
    });
  }
  const keyIdentifier = issuing.extensions?.find(
    (candidate) => candidate.extnID === OID.subjectKeyIdentifier,
  )?.parsedValue;
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      ...(keyIdentifier instanceof asn1js.OctetString
        ? [extension(OID.authorityKeyIdentifier, new pkijs.AuthorityKeyIdentifier({ keyIdentifier }).toSchema())]
        : []),
      // Seconds since the epoch: increases with every CRL, as RFC 5280 wants of the number.
      extension(OID.crlNumber, new asn1js.Integer({ value: Math.floor(now.getTime() / 1000) })),
    ],
  });
  // Signed by the CA's own family (RSA, ECDSA or DSTU 4145), not through pkijs's engine.
  crl.tbsView = new Uint8Array((crl as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER(false));
  crl.signatureAlgorithm = signatureAlgorithmOf(ca.key);
  crl.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(ca.key.signForCertificate(crl.tbsView)) });
  return new Uint8Array(crl.toSchema(false).toBER(false));
}
