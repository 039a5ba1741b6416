import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { binaryToBytes } from "@/lib/kep/bytes";
import type { SigningKey } from "@/lib/kep/browser";
import { prepareDetachedCms } from "@/lib/kep/cms/build-detached-cms";
import { OID } from "@/lib/kep/oids";

// The load generator's signer: the same detached CAdES-BES signature as lib/kep/browser's
// signDetached — the same structure, built by the same prepareDetachedCms, and byte for byte the
// same signature (RSA PKCS#1 v1.5 is deterministic; native-signer.test.ts compares them) — with
// the RSA operation and the digests in node:crypto instead of node-forge's JavaScript.
// On a deadline day the directors sign in their own browsers, on their own machines; a benchmark
// that signs them all on the server's two cores at forge's 25 ms a signature would take from the
// portal CPU that the real portal has to itself (7–8 s a minute at the peak's ~300 submissions).

export type NativeSigner = (content: Uint8Array, options?: { signingTime?: Date }) => Uint8Array<ArrayBuffer>;

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash("sha256").update(bytes).digest());

export function nativeSigner(key: SigningKey): NativeSigner {
  const certificateDer = binaryToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(key.certificate)).getBytes());
  const certificateDigest = sha256(certificateDer);
  const privateKey: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(key.privateKey));
  return (content, options = {}) => {
    const prepared = prepareDetachedCms(
      { certificateDer, digestAlgorithm: OID.sha256, signatureAlgorithm: OID.rsaEncryption, nullParameters: true },
      { content: sha256(content), certificate: certificateDigest },
      options,
    );
    return prepared.finish(new Uint8Array(sign("sha256", prepared.signedAttributesDer, privateKey)));
  };
}
