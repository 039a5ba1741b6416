import forge from "node-forge";
import { binaryToBytes, bytesToBinary } from "../bytes";
import { OID } from "../oids";

// A detached CAdES-BES signature (CMS SignedData, DER) for a key of any family: the caller
// supplies the digest and the raw signing step (WebCrypto ECDSA, jkurwa DSTU 4145, forge RSA),
// this builds the structure from forge's ASN.1 primitives, with the certificate's issuer
// and serial exactly as encoded in it. Browser-safe: forge and plain bytes only.

const asn1 = forge.asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;

const oid = (value: string) => asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, T.SET, true, items);
const octets = (bytes: Uint8Array) => asn1.create(UNIVERSAL, T.OCTETSTRING, false, bytesToBinary(bytes));
const integer = (value: number) => asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(value).getBytes());

/** AlgorithmIdentifier; RSA algorithms carry NULL parameters, ECDSA and DSTU 4145 none. */
export function algorithmIdentifier(algorithm: string, nullParameters: boolean): forge.asn1.Asn1 {
  return seq(nullParameters ? [oid(algorithm), asn1.create(UNIVERSAL, T.NULL, false, "")] : [oid(algorithm)]);
}

export type CmsSigner = {
  certificateDer: Uint8Array;
  digestAlgorithm: string;
  digest: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  signatureAlgorithm: string;
  /** True for RSA (NULL parameters); false for ECDSA and DSTU 4145. */
  nullParameters: boolean;
  /** The signature over the DER signed attributes, as SignerInfo.signature carries it. */
  sign: (signedAttributesDer: Uint8Array) => Uint8Array | Promise<Uint8Array>;
};

export type BuildDetachedCmsOptions = {
  signingTime?: Date;
  /** Identify the signer by subjectKeyIdentifier rather than issuer and serial. */
  subjectKeyIdentifier?: Uint8Array;
};

/** Issuer name and serial number exactly as encoded in the certificate. */
export function issuerAndSerialOf(certificateDer: Uint8Array): {
  issuer: forge.asn1.Asn1;
  serial: forge.asn1.Asn1;
  certificate: forge.asn1.Asn1;
} {
  const certificate = asn1.fromDer(bytesToBinary(certificateDer), true);
  const fields = (certificate.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const offset = fields[0]?.tagClass === CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[offset]!, issuer: fields[offset + 2]!, certificate };
}

function signingTimeValue(date: Date): forge.asn1.Asn1 {
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(UNIVERSAL, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

/** DER orders a SET OF by its elements' encodings (X.690 §11.6). */
function derSetOf(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  const encoded = items.map((node) => ({ node, bytes: asn1.toDer(node).getBytes() }));
  encoded.sort((a, b) => (a.bytes < b.bytes ? -1 : a.bytes > b.bytes ? 1 : 0));
  return set(encoded.map((item) => item.node));
}

/** What the structure needs of the signer; the digest and signing steps stay with the caller. */
export type CmsSignerIdentity = Pick<
  CmsSigner,
  "certificateDer" | "digestAlgorithm" | "signatureAlgorithm" | "nullParameters"
>;

export type PreparedDetachedCms = {
  /** The DER signed attributes: what the signer's key signs. */
  signedAttributesDer: Uint8Array<ArrayBuffer>;
  /** The whole CMS (ContentInfo, DER) around the signature over signedAttributesDer. */
  finish: (signature: Uint8Array) => Uint8Array<ArrayBuffer>;
};

/**
 * The CMS around a signature, in two synchronous steps, for digests the caller computed
 * (`digests.content` of the signed bytes, `digests.certificate` of certificateDer, both with
 * signer.digestAlgorithm): the signed attributes to sign, then the structure that carries the
 * signature. buildDetachedCms (any family, async signers) and signDetached (RSA, synchronous)
 * both build through this.
 */
export function prepareDetachedCms(
  signer: CmsSignerIdentity,
  digests: { content: Uint8Array; certificate: Uint8Array },
  options: BuildDetachedCmsOptions = {},
): PreparedDetachedCms {
  const { issuer, serial, certificate } = issuerAndSerialOf(signer.certificateDer);
  // ESSCertIDv2: the hash algorithm is written unless it is the default SHA-256.
  const essCertId = seq([
    ...(signer.digestAlgorithm === OID.sha256 ? [] : [algorithmIdentifier(signer.digestAlgorithm, false)]),
    octets(digests.certificate),
    seq([seq([asn1.create(CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]),
  ]);
  const signedAttributes = derSetOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, signingTimeValue(options.signingTime ?? new Date())),
    attribute(OID.messageDigest, octets(digests.content)),
    attribute(OID.signingCertificateV2, seq([seq([essCertId])])),
  ]);
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they travel in.
  const signedAttributesDer = binaryToBytes(asn1.toDer(signedAttributes).getBytes());
  const finish = (signature: Uint8Array) => {
    const sid = options.subjectKeyIdentifier
      ? asn1.create(CONTEXT_SPECIFIC, 0, false, bytesToBinary(options.subjectKeyIdentifier))
      : seq([issuer, serial]);
    const signerInfo = seq([
      integer(options.subjectKeyIdentifier ? 3 : 1),
      sid,
      algorithmIdentifier(signer.digestAlgorithm, signer.nullParameters),
      asn1.create(CONTEXT_SPECIFIC, 0, true, signedAttributes.value as forge.asn1.Asn1[]),
      algorithmIdentifier(signer.signatureAlgorithm, signer.nullParameters),
      octets(signature),
    ]);
    const signedData = seq([
      integer(options.subjectKeyIdentifier ? 3 : 1),
      set([algorithmIdentifier(signer.digestAlgorithm, signer.nullParameters)]),
      seq([oid(OID.data)]),
      asn1.create(CONTEXT_SPECIFIC, 0, true, [certificate]),
      set([signerInfo]),
    ]);
    const contentInfo = seq([oid(OID.signedData), asn1.create(CONTEXT_SPECIFIC, 0, true, [signedData])]);
    return binaryToBytes(asn1.toDer(contentInfo).getBytes());
  };
  return { signedAttributesDer, finish };
}

export async function buildDetachedCms(
  signer: CmsSigner,
  content: Uint8Array,
  options: BuildDetachedCmsOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const digests = { content: await signer.digest(content), certificate: await signer.digest(signer.certificateDer) };
  const prepared = prepareDetachedCms(signer, digests, options);
  return prepared.finish(await signer.sign(prepared.signedAttributesDer));
}
