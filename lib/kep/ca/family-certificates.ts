import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import forge from "node-forge";
import { binaryToBytes, bytesToBinary, toArrayBuffer } from "../bytes";
import { forgeCertificateFromAnyDer } from "../certificate-identity";
import { algorithmIdentifier } from "../cms/build-detached-cms";
import { ALGORITHM_OID, OID } from "../oids";
import { digest } from "../verify/algorithms";
import { randomSerialHex, type Validity } from "./certificate-tools";
import { PROVIDER_NAME, ROOT_CA_NAME, ISSUING_CA_NAME } from "./create-ca";
import { caCertificateExtensions, signingCertificateExtensions } from "./certificate-profiles";
import type { ForgeExtension, KeyUsageBits } from "./extensions";
import type { FamilyKey } from "./family-keys";
import { pkiUrls } from "./pki-urls";
import { caSubject, fromParsedName, signerSubject, type NameAttribute, type SubjectInput } from "./subject-name";

// Certificates whose key or issuer is ECDSA or DSTU 4145, in the same Ukrainian qualified
// profile as the RSA ones (the same extension builders): forge lays out the TBSCertificate,
// the real SubjectPublicKeyInfo and signature algorithm go in its place, and the issuer's
// key of the matching family signs it.

const asn1 = forge.asn1;
const PLACEHOLDER_KEY = forge.pki.setRsaPublicKey(
  new forge.jsbn.BigInteger("3", 16),
  new forge.jsbn.BigInteger("3", 16),
);

/**
 * The key identifier: SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 §4.2.1.2 method 1), or
 * for DSTU 4145 its GOST 34.311 hash, as Ukrainian providers write it and jkurwa checks it.
 */
export function keyIdentifierOfSpki(spkiDer: Uint8Array): string {
  const spki = asn1js.fromBER(toArrayBuffer(spkiDer)).result as asn1js.Sequence;
  const algorithm = (spki.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier;
  const bits = new Uint8Array((spki.valueBlock.value[1] as asn1js.BitString).valueBlock.valueHexView);
  if (algorithm.valueBlock.toString() === ALGORITHM_OID.dstu4145le) return bytesToBinary(digest("GOST34311", bits));
  return bytesToBinary(new Uint8Array(createHash("sha1").update(bits).digest()));
}

export type FamilyCa = { der: Uint8Array; key: FamilyKey };

export type AnyCertificateDraft = {
  serial?: string;
  subject: NameAttribute[];
  issuer: NameAttribute[];
  spkiDer: Uint8Array;
  validity: Validity;
  extensions: ForgeExtension[];
};

export function signAnyCertificate(draft: AnyCertificateDraft, issuerKey: FamilyKey): Uint8Array<ArrayBuffer> {
  if (draft.validity.validTo.getTime() <= draft.validity.validFrom.getTime()) {
    throw new RangeError("Кінець строку дії сертифіката має бути пізніше за початок");
  }
  const certificate = forge.pki.createCertificate();
  certificate.serialNumber = draft.serial ?? randomSerialHex();
  certificate.publicKey = PLACEHOLDER_KEY;
  certificate.validity.notBefore = draft.validity.validFrom;
  certificate.validity.notAfter = draft.validity.validTo;
  certificate.setSubject(draft.subject as forge.pki.CertificateField[]);
  certificate.setIssuer(draft.issuer as forge.pki.CertificateField[]);
  certificate.setExtensions(draft.extensions);
  (certificate as unknown as { siginfo: { algorithmOid: string } }).siginfo.algorithmOid =
    forge.pki.oids.sha256WithRSAEncryption!;
  const tbs = (
    forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
  ).getTBSCertificate(certificate);
  const fields = tbs.value as forge.asn1.Asn1[];
  const signatureAlgorithm = () =>
    algorithmIdentifier(issuerKey.certificateSignatureAlgorithm, issuerKey.nullParameters);
  fields[2] = signatureAlgorithm();
  fields[6] = asn1.fromDer(bytesToBinary(draft.spkiDer), true);
  const tbsDer = binaryToBytes(asn1.toDer(tbs).getBytes());
  const signature = issuerKey.signForCertificate(tbsDer);
  const der = asn1.toDer(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      tbs,
      signatureAlgorithm(),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, String.fromCharCode(0) + bytesToBinary(signature)),
    ]),
  );
  return binaryToBytes(der.getBytes());
}

/** The subject name and key identifier of a CA certificate, as the certificates it issues name their issuer. */
export function issuerOfDer(der: Uint8Array): { name: NameAttribute[]; keyId: string } {
  const certificate = forgeCertificateFromAnyDer(der);
  const extension = (certificate.extensions as Array<{ id?: string; subjectKeyIdentifier?: string }>).find(
    (candidate) => candidate.id === OID.subjectKeyIdentifier,
  );
  return {
    name: fromParsedName(certificate.subject.attributes),
    keyId: extension?.subjectKeyIdentifier ? forge.util.hexToBytes(extension.subjectKeyIdentifier) : "",
  };
}

const FAMILY_CA_SUFFIX: Record<FamilyKey["family"], string> = { RSA: "", ECDSA: " (ECDSA)", DSTU4145: " (ДСТУ 4145)" };

export function createFamilyRootCa(options: Validity & { key: FamilyKey; commonName?: string }): FamilyCa {
  const subject = caSubject(
    options.commonName ?? `${ROOT_CA_NAME}${FAMILY_CA_SUFFIX[options.key.family]}`,
    PROVIDER_NAME,
  );
  const keyId = keyIdentifierOfSpki(options.key.spkiDer);
  const der = signAnyCertificate(
    {
      subject,
      issuer: subject,
      spkiDer: options.key.spkiDer,
      validity: options,
      extensions: caCertificateExtensions({ keyId, issuerKeyId: keyId, issuing: false }),
    },
    options.key,
  );
  return { der, key: options.key };
}

export function createFamilyIssuingCa(
  options: Validity & { root: FamilyCa; key: FamilyKey; rootCertificateUrl?: string; commonName?: string },
): FamilyCa {
  const issuer = issuerOfDer(options.root.der);
  const extensions = caCertificateExtensions({
    keyId: keyIdentifierOfSpki(options.key.spkiDer),
    issuerKeyId: issuer.keyId,
    issuing: true,
    rootCertificateUrl: options.rootCertificateUrl,
  });
  const der = signAnyCertificate(
    {
      subject: caSubject(
        options.commonName ?? `${ISSUING_CA_NAME}${FAMILY_CA_SUFFIX[options.key.family]}`,
        PROVIDER_NAME,
      ),
      issuer: issuer.name,
      spkiDer: options.key.spkiDer,
      validity: options,
      extensions,
    },
    options.root.key,
  );
  return { der, key: options.key };
}

export type FamilySigningCertificateOptions = Validity & {
  issuer: FamilyCa;
  spkiDer: Uint8Array;
  subject: SubjectInput;
  portalUrl: string;
  serial?: string;
  keyUsage?: KeyUsageBits;
  /** Where this family's CA certificate and status services are published. */
  urls?: { crl: string; ocsp: string; issuingCa: string };
};

/** The Ukrainian qualified profile of buildSigningCertificate, for a key and issuer of any family. */
export function buildFamilySigningCertificate(options: FamilySigningCertificateOptions): Uint8Array<ArrayBuffer> {
  const issuer = issuerOfDer(options.issuer.der);
  const urls = options.urls ?? pkiUrls(options.portalUrl);
  return signAnyCertificate(
    {
      serial: options.serial,
      subject: signerSubject(options.subject),
      issuer: issuer.name,
      spkiDer: options.spkiDer,
      validity: options,
      extensions: signingCertificateExtensions({
        keyId: keyIdentifierOfSpki(options.spkiDer),
        issuerKeyId: issuer.keyId,
        subject: options.subject,
        urls,
        keyUsage: options.keyUsage,
      }),
    },
    options.issuer.key,
  );
}
