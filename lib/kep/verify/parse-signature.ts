import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import { kepError } from "../errors";
import { OID } from "../oids";
import { digestNamed, signatureAlgorithmNamed, type DigestName } from "./algorithms";
import { sidMatches } from "./match-signer";

// Step 1 of verification: the .p7s is a detached CMS SignedData with exactly one signer,
// whose certificate is inside, and whose signed attributes are those CAdES-BES requires.

/** A CAdES-BES signature with one certificate is 2–4 KiB; 64 KiB leaves room for a chain. */
export const MAX_SIGNATURE_BYTES = 64 * 1024;

export type ParsedSignature = {
  signerInfo: pkijs.SignerInfo;
  certificate: pkijs.Certificate;
  certificateDer: Uint8Array;
  /** The signed attributes as the signature covers them (tag SET). */
  signedAttributesDer: Uint8Array;
  messageDigest: Uint8Array;
  /** The digest the signer names for the content and the signed attributes. */
  digestName: DigestName;
  signatureAlgorithm: string;
  signingTime: Date;
  /** The SigningCertificateV2 attribute value, checked against the certificate in step 3. */
  signingCertificateV2: asn1js.AsnType;
};

const malformed = (detail: string) => kepError("SIGNATURE_MALFORMED", undefined, { detail });

function parseSignedData(signature: Uint8Array): { signedData: pkijs.SignedData; certificateBlocks: asn1js.AsnType[] } {
  const ber = asn1js.fromBER(toArrayBuffer(signature));
  if (ber.offset === -1) throw malformed(ber.result.error || "не ASN.1");
  if (ber.offset !== signature.length) throw malformed("зайві байти після структури");
  let contentInfo: pkijs.ContentInfo;
  try {
    contentInfo = new pkijs.ContentInfo({ schema: ber.result });
  } catch {
    throw malformed("не ContentInfo");
  }
  if (contentInfo.contentType !== OID.signedData) throw malformed(`тип вмісту ${contentInfo.contentType}`);
  try {
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    // Raw certificate encodings: pkijs re-encodes on output, and the ESS hash covers the original.
    const items = (contentInfo.content as asn1js.Sequence).valueBlock.value;
    const certificatesBlock = items.find((item) => item.idBlock.tagClass === 3 && item.idBlock.tagNumber === 0);
    const certificateBlocks = certificatesBlock ? (certificatesBlock as asn1js.Constructed).valueBlock.value : [];
    return { signedData, certificateBlocks };
  } catch {
    throw malformed("не SignedData");
  }
}

function findSignerCertificate(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo, blocks: asn1js.AsnType[]) {
  const certificates = signedData.certificates ?? [];
  for (let index = 0; index < certificates.length; index++) {
    const candidate = certificates[index];
    if (!(candidate instanceof pkijs.Certificate)) continue;
    const block = blocks[index];
    if (block && sidMatches(signerInfo.sid, candidate)) {
      return { certificate: candidate, certificateDer: new Uint8Array(block.valueBeforeDecodeView) };
    }
  }
  throw kepError("CERTIFICATE_MISSING");
}

/** The single value of a signed attribute that must occur exactly once. */
function singleValue(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  const attributes = signerInfo.signedAttrs?.attributes.filter((attribute) => attribute.type === type) ?? [];
  if (attributes.length === 0) return undefined;
  if (attributes.length > 1 || attributes[0]!.values.length !== 1) throw malformed(`атрибут ${type} повторюється`);
  return attributes[0]!.values[0];
}

function readSigningTime(value: asn1js.AsnType | undefined): Date {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const date = value.toDate();
    if (!Number.isNaN(date.getTime())) return date;
  }
  if (value === undefined) throw kepError("SIGNING_TIME_MISSING");
  throw malformed("некоректний час підписання");
}

export function parseDetachedSignature(signature: Uint8Array): ParsedSignature {
  if (signature.length > MAX_SIGNATURE_BYTES) {
    throw kepError("SIGNATURE_TOO_LARGE", `Файл підпису завеликий: понад ${MAX_SIGNATURE_BYTES / 1024} КіБ`);
  }
  if (signature.length === 0) throw malformed("порожній файл");
  const { signedData, certificateBlocks } = parseSignedData(signature);

  if (signedData.encapContentInfo.eContent) throw kepError("SIGNATURE_NOT_DETACHED");
  if (signedData.encapContentInfo.eContentType !== OID.data) throw malformed("тип підписаних даних не id-data");
  if (signedData.signerInfos.length !== 1) {
    throw kepError(
      "SIGNER_COUNT",
      `Підпис має містити рівно одного підписувача, а містить ${signedData.signerInfos.length}`,
    );
  }
  const signerInfo = signedData.signerInfos[0]!;
  if (!signerInfo.signedAttrs || signerInfo.signedAttrs.attributes.length === 0)
    throw malformed("немає підписаних атрибутів");
  const digestName = digestNamed(signerInfo.digestAlgorithm.algorithmId);
  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  signatureAlgorithmNamed(signatureAlgorithm);

  const { certificate, certificateDer } = findSignerCertificate(signedData, signerInfo, certificateBlocks);

  const contentType = singleValue(signerInfo, OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    throw malformed("атрибут contentType відсутній або не id-data");
  }
  const messageDigest = singleValue(signerInfo, OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) throw malformed("немає атрибута messageDigest");
  const signingTime = readSigningTime(singleValue(signerInfo, OID.signingTime));
  const signingCertificateV2 = singleValue(signerInfo, OID.signingCertificateV2);
  if (!signingCertificateV2) throw kepError("SIGNING_CERTIFICATE_MISSING");

  return {
    signerInfo,
    certificate,
    certificateDer,
    signedAttributesDer: new Uint8Array(signerInfo.signedAttrs.encodedValue),
    messageDigest: new Uint8Array(messageDigest.getValue()),
    digestName,
    signatureAlgorithm,
    signingTime,
    signingCertificateV2,
  };
}
