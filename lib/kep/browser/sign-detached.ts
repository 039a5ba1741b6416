import forge from "node-forge";
import { binaryToBytes, bytesToBinary } from "../bytes";
import { OID } from "../oids";

// A detached CAdES-BES signature (CMS SignedData, DER) built directly from forge's ASN.1
// primitives: forge's own pkcs7 signer cannot add the ESS signingCertificateV2 attribute that
// binds the signature to its certificate. Browser-safe: forge and plain bytes only.

const asn1 = forge.asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;

const oid = (value: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SET, true, items);
const octets = (bytes: string) => asn1.create(UNIVERSAL, T.OCTETSTRING, false, bytes);
const integer = (value: number) => asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(value).getBytes());
const algorithm = (value: string) => seq([oid(value), asn1.create(UNIVERSAL, T.NULL, false, "")]);

export type SigningKey = {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
};

export type SignDetachedOptions = {
  /** Defaults to the current time; tests pass their own. */
  signingTime?: Date;
};

/** Issuer name and serial number exactly as encoded in the certificate. */
function issuerAndSerial(certificate: forge.pki.Certificate): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = forge.pki.certificateToAsn1(certificate).value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  const offset = fields[0]?.tagClass === CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[offset]!, issuer: fields[offset + 2]! };
}

function sha256(binary: string): string {
  return forge.md.sha256.create().update(binary).digest().getBytes();
}

function signingTimeValue(date: Date): forge.asn1.Asn1 {
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(UNIVERSAL, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

/** ESS SigningCertificateV2 with one ESSCertIDv2: SHA-256 (the default, so omitted) and IssuerSerial. */
function signingCertificateV2(certificateDer: string, issuer: forge.asn1.Asn1, serial: forge.asn1.Asn1): forge.asn1.Asn1 {
  const generalNames = seq([asn1.create(CONTEXT_SPECIFIC, 4, true, [issuer])]);
  return seq([seq([seq([octets(sha256(certificateDer)), seq([generalNames, serial])])])]);
}

const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

/** DER orders a SET OF by its elements' encodings (X.690 §11.6). */
function derSetOf(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const encoded = items.map((node) => ({ node, bytes: asn1.toDer(node).getBytes() }));
  encoded.sort((a, b) => (a.bytes < b.bytes ? -1 : a.bytes > b.bytes ? 1 : 0));
  return set(encoded.map((item) => item.node));
}

export function signDetached(key: SigningKey, content: Uint8Array, options: SignDetachedOptions = {}): Uint8Array<ArrayBuffer> {
  const certificateAsn1 = forge.pki.certificateToAsn1(key.certificate);
  const certificateDer = asn1.toDer(certificateAsn1).getBytes();
  const { issuer, serial } = issuerAndSerial(key.certificate);

  const signedAttributes = derSetOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, signingTimeValue(options.signingTime ?? new Date())),
    attribute(OID.messageDigest, octets(sha256(bytesToBinary(content)))),
    attribute(OID.signingCertificateV2, signingCertificateV2(certificateDer, issuer, serial)),
  ]);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they travel in.
  const toSign = forge.md.sha256.create().update(asn1.toDer(signedAttributes).getBytes());
  const signature = key.privateKey.sign(toSign, "RSASSA-PKCS1-V1_5");

  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    algorithm(OID.sha256),
    asn1.create(CONTEXT_SPECIFIC, 0, true, signedAttributes.value as forge.asn1.Asn1[]),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(CONTEXT_SPECIFIC, 0, true, [certificateAsn1]),
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return binaryToBytes(asn1.toDer(contentInfo).getBytes());
}
