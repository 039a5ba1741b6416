import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import { caSubject } from "../ca/subject-name";
import {
  basicConstraintsExtension,
  extendedKeyUsageExtension,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
  authorityKeyIdentifierExtension,
} from "../ca/extensions";
import { issuerOfDer, keyIdentifierOfSpki, signAnyCertificate, type FamilyCa } from "../ca/family-certificates";
import type { FamilyKey } from "../ca/family-keys";
import { OID } from "../oids";
import { serialInteger, signatureAlgorithmOf } from "../provider/build-crl";
import { certificateFromDer } from "../verify/trust-anchors";

// Test fixtures for the trust list: a certs-only CMS bundle (the shape of the ЦЗО's
// CACertificates.p7b), a CRL signed by any family CA and a delegated OCSP responder's
// certificate — what a qualified provider outside the portal publishes.

/** A degenerate SignedData that only carries certificates, DER. */
export function certsOnlyBundle(certificates: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: "1.2.840.113549.1.7.1" }),
    certificates: certificates.map((der) => certificateFromDer(der)),
    signerInfos: [],
  });
  const info = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A v2 CRL of `ca`, signed with its key in its own family. */
export function buildTestCrl(
  ca: FamilyCa,
  options: {
    revoked?: Array<{ serial: string; revokedAt: Date }>;
    thisUpdate: Date;
    nextUpdate: Date;
    signer?: FamilyCa;
  },
): Uint8Array<ArrayBuffer> {
  const issuing = certificateFromDer(ca.der);
  const signer = options.signer ?? ca;
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuing.subject,
    signature: signatureAlgorithmOf(signer.key),
    thisUpdate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: options.thisUpdate }),
    nextUpdate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: options.nextUpdate }),
  });
  if (options.revoked?.length) {
    crl.revokedCertificates = options.revoked.map(
      (entry) =>
        new pkijs.RevokedCertificate({
          userCertificate: serialInteger(entry.serial),
          revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: entry.revokedAt }),
        }),
    );
  }
  crl.tbsView = new Uint8Array((crl as unknown as { encodeTBS(): asn1js.Sequence }).encodeTBS().toBER(false));
  crl.signatureAlgorithm = signatureAlgorithmOf(signer.key);
  crl.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signer.key.signForCertificate(crl.tbsView)) });
  return new Uint8Array(crl.toSchema(false).toBER(false));
}

/**
 * A responder certificate `ca` issues to `key` for answering OCSP on its behalf: end entity,
 * digitalSignature, and id-kp-OCSPSigning in extKeyUsage unless `ocspSigning` is false.
 */
export function issueOcspResponder(
  ca: FamilyCa,
  key: FamilyKey,
  options: { ocspSigning: boolean; validFrom: Date; validTo: Date; commonName?: string },
): FamilyCa {
  const issuer = issuerOfDer(ca.der);
  const extensions = [
    basicConstraintsExtension(false),
    keyUsageExtension({ digitalSignature: true }),
    subjectKeyIdentifierExtension(keyIdentifierOfSpki(key.spkiDer)),
    authorityKeyIdentifierExtension(issuer.keyId),
    ...(options.ocspSigning ? [extendedKeyUsageExtension([OID.ocspSigning])] : []),
  ];
  const der = signAnyCertificate(
    {
      subject: caSubject(options.commonName ?? "OCSP-сервер ЦСК", "Тестовий КНЕДП"),
      issuer: issuer.name,
      spkiDer: key.spkiDer,
      validity: options,
      extensions,
    },
    ca.key,
  );
  return { der, key };
}
