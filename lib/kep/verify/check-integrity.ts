import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesEqual } from "../bytes";
import { kepError } from "../errors";
import { OID } from "../oids";
import { sha256, subtle } from "./crypto-engine";
import type { ParsedSignature } from "./parse-signature";

// Steps 2–3: the signature covers exactly the bytes the server rebuilt, it was made with the
// key of the certificate it carries, and (CAdES-BES) its signed attributes name that
// certificate, so the certificate cannot be swapped for another with the same key.

const RSA_SHA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

async function verifyWithCertificateKey(parsed: ParsedSignature): Promise<boolean> {
  const publicKeyInfo = parsed.certificate.subjectPublicKeyInfo;
  if (publicKeyInfo.algorithm.algorithmId !== OID.rsaEncryption) throw kepError("SIGNATURE_ALGORITHM_UNSUPPORTED");
  let key: CryptoKey;
  try {
    key = await subtle.importKey("spki", publicKeyInfo.toSchema().toBER(false), RSA_SHA256, false, ["verify"]);
  } catch {
    throw kepError("SIGNATURE_MALFORMED", undefined, { detail: "відкритий ключ сертифіката не читається" });
  }
  const signature = new Uint8Array(parsed.signerInfo.signature.getValue());
  return subtle.verify(RSA_SHA256.name, key, signature, parsed.signedAttributesDer);
}

const mismatch = (detail: string) => kepError("SIGNING_CERTIFICATE_MISMATCH", undefined, { detail });

/** The first ESSCertIDv2 must hash (SHA-256) to the signer's certificate and name its issuer and serial. */
async function checkSigningCertificateV2(parsed: ParsedSignature): Promise<void> {
  const certs = parsed.signingCertificateV2 instanceof asn1js.Sequence ? parsed.signingCertificateV2.valueBlock.value[0] : undefined;
  const essCertId = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(essCertId instanceof asn1js.Sequence)) throw mismatch("атрибут не містить ESSCertIDv2");
  const fields = [...essCertId.valueBlock.value];

  if (fields[0] instanceof asn1js.Sequence) {
    const hashAlgorithm = new pkijs.AlgorithmIdentifier({ schema: fields.shift() });
    if (hashAlgorithm.algorithmId !== OID.sha256) throw kepError("SIGNATURE_ALGORITHM_UNSUPPORTED");
  }
  const certHash = fields.shift();
  if (!(certHash instanceof asn1js.OctetString)) throw mismatch("немає хешу сертифіката");
  if (!bytesEqual(new Uint8Array(certHash.getValue()), await sha256(parsed.certificateDer))) throw mismatch("хеш сертифіката не збігається");

  const issuerSerial = fields.shift();
  if (issuerSerial === undefined) return;
  if (!(issuerSerial instanceof asn1js.Sequence)) throw mismatch("некоректний IssuerSerial");
  const [generalNames, serial] = issuerSerial.valueBlock.value;
  if (!(serial instanceof asn1js.Integer) || !serial.isEqual(parsed.certificate.serialNumber)) throw mismatch("серійний номер не збігається");
  const names = generalNames instanceof asn1js.Sequence ? generalNames.valueBlock.value : [];
  const directoryName = names.find((name) => name.idBlock.tagClass === 3 && name.idBlock.tagNumber === 4);
  const issuerName = directoryName instanceof asn1js.Constructed ? directoryName.valueBlock.value[0] : undefined;
  if (!issuerName) throw mismatch("немає імені видавця");
  const issuer = new pkijs.RelativeDistinguishedNames({ schema: issuerName });
  if (!issuer.isEqual(parsed.certificate.issuer)) throw mismatch("видавець не збігається");
}

export async function checkSignatureIntegrity(parsed: ParsedSignature, content: Uint8Array): Promise<void> {
  if (!bytesEqual(await sha256(content), parsed.messageDigest)) throw kepError("CONTENT_MISMATCH");
  if (!(await verifyWithCertificateKey(parsed))) throw kepError("SIGNATURE_INVALID");
  await checkSigningCertificateV2(parsed);
}
