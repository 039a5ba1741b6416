import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import jk from "jkurwa";
import type * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import { kepError } from "../errors";
import { digest, publicKeyAlgorithmOf, type DigestName, type PublicKeyAlgorithm } from "./algorithms";
import { subtle } from "./crypto-engine";

// Checks a signature value with a certificate's key, for each family: RSA and ECDSA through
// WebCrypto, DSTU 4145 through jkurwa. No curve arithmetic of our own. A value that cannot be
// a signature of the named algorithm (wrong length, not DER, components out of range) is
// SIGNATURE_VALUE_MALFORMED; a well-formed value that does not verify returns false.

const malformedValue = (detail: string) => kepError("SIGNATURE_VALUE_MALFORMED", undefined, { detail });

/** CMS and X.509 carry ECDSA signatures as DER SEQUENCE { r, s }; WebCrypto wants r‖s. */
function ecdsaRawSignature(der: Uint8Array, size: number): Uint8Array {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  const sequence = parsed.result;
  if (
    parsed.offset !== der.length ||
    !(sequence instanceof asn1js.Sequence) ||
    sequence.valueBlock.value.length !== 2
  ) {
    throw malformedValue("підпис ECDSA не є послідовністю DER (r, s)");
  }
  const out = new Uint8Array(size * 2);
  sequence.valueBlock.value.forEach((part, index) => {
    if (!(part instanceof asn1js.Integer)) throw malformedValue("компонент підпису ECDSA не є цілим числом");
    let bytes = part.valueBlock.valueHexView;
    while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) throw malformedValue("компонент підпису ECDSA задовгий для кривої");
    out.set(bytes, index * size + size - bytes.length);
  });
  return out;
}

// Parsing a DSTU certificate and unpacking its point costs as much as a verification; the
// same few certificates sign again and again, so their keys are kept by certificate hash.
const dstuKeys = new Map<string, ReturnType<InstanceType<typeof jk.Certificate>["pubkey_unpack"]>>();

function dstuPublicKey(certificateDer: Uint8Array) {
  const id = createHash("sha256").update(certificateDer).digest("hex");
  let key = dstuKeys.get(id);
  if (!key) {
    try {
      key = jk.Certificate.from_asn1(Buffer.from(certificateDer)).pubkey_unpack();
    } catch {
      throw kepError("SIGNATURE_MALFORMED", undefined, { detail: "відкритий ключ ДСТУ 4145 сертифіката не читається" });
    }
    if (dstuKeys.size > 256) dstuKeys.clear();
    dstuKeys.set(id, key);
  }
  return key;
}

export type SignatureCheck = {
  /** The signer's (or issuer's) certificate: its key checks the value. */
  certificate: pkijs.Certificate;
  certificateDer: Uint8Array;
  digestName: DigestName;
  /** What was signed: the DER signed attributes, or a certificate's tbsCertificate. */
  signed: Uint8Array;
  value: Uint8Array;
  /** Certificates and CRLs wrap a DSTU signature in an OCTET STRING inside the BIT STRING. */
  dstuWrapped?: boolean;
};

export async function verifySignatureValue(
  check: SignatureCheck,
  key: PublicKeyAlgorithm = publicKeyAlgorithmOf(check.certificate.subjectPublicKeyInfo),
): Promise<boolean> {
  const spki = check.certificate.subjectPublicKeyInfo.toSchema().toBER(false);
  if (key.family === "RSA") {
    const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: check.digestName } as const;
    const publicKey = await importKey(spki, algorithm);
    return subtle.verify(algorithm.name, publicKey, check.value, check.signed);
  }
  if (key.family === "ECDSA") {
    const publicKey = await importKey(spki, { name: "ECDSA", namedCurve: key.curve });
    const raw = ecdsaRawSignature(check.value, key.curve === "P-256" ? 32 : 48);
    return subtle.verify({ name: "ECDSA", hash: check.digestName }, publicKey, raw, check.signed);
  }
  const publicKey = dstuPublicKey(check.certificateDer);
  let value = check.value;
  if (check.dstuWrapped) {
    if (value[0] !== 0x04 || value[1] !== value.length - 2)
      throw malformedValue("підпис ДСТУ 4145 не загорнуто в OCTET STRING");
    value = value.subarray(2);
  }
  if (value.length === 0 || value.length % 2 !== 0 || value.length > 2 * 64)
    throw malformedValue("довжина підпису ДСТУ 4145 некоректна");
  try {
    return publicKey.verify(Buffer.from(digest(check.digestName, check.signed)), Buffer.from(value), "le");
  } catch (error) {
    // jkurwa throws on components that are zero or beyond the curve's order.
    throw malformedValue(error instanceof Error ? error.message : String(error));
  }
}

async function importKey(spki: ArrayBuffer, algorithm: RsaHashedImportParams | EcKeyImportParams): Promise<CryptoKey> {
  try {
    return await subtle.importKey("spki", spki, algorithm, false, ["verify"]);
  } catch {
    throw kepError("SIGNATURE_MALFORMED", undefined, { detail: "відкритий ключ сертифіката не читається" });
  }
}
