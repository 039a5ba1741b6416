import forge from "node-forge";
import { binaryToBytes, bytesToBinary } from "../bytes";
import { prepareDetachedCms } from "../cms/build-detached-cms";
import { OID } from "../oids";

// A detached CAdES-BES signature (CMS SignedData, DER) with an RSA key held by node-forge,
// synchronously: the structure is lib/kep/cms's (prepareDetachedCms, shared with the other key
// families); forge's own pkcs7 signer cannot add the ESS signingCertificateV2 attribute that
// binds the signature to its certificate. Browser-safe: forge and plain bytes only.

export type SigningKey = {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
};

export type SignDetachedOptions = {
  /** Defaults to the current time; tests pass their own. */
  signingTime?: Date;
};

function sha256(bytes: Uint8Array): Uint8Array {
  return binaryToBytes(forge.md.sha256.create().update(bytesToBinary(bytes)).digest().getBytes());
}

export function signDetached(
  key: SigningKey,
  content: Uint8Array,
  options: SignDetachedOptions = {},
): Uint8Array<ArrayBuffer> {
  const certificateDer = binaryToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(key.certificate)).getBytes());
  const prepared = prepareDetachedCms(
    { certificateDer, digestAlgorithm: OID.sha256, signatureAlgorithm: OID.rsaEncryption, nullParameters: true },
    { content: sha256(content), certificate: sha256(certificateDer) },
    options,
  );
  const toSign = forge.md.sha256.create().update(bytesToBinary(prepared.signedAttributesDer));
  return prepared.finish(binaryToBytes(key.privateKey.sign(toSign, "RSASSA-PKCS1-V1_5")));
}
