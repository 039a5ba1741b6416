import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesEqual } from "../bytes";
import { kepError } from "../errors";
import { checkAlgorithmsAgree, digest, digestNamed, publicKeyAlgorithmOf } from "./algorithms";
import { namesEqual } from "./match-signer";
import type { ParsedSignature } from "./parse-signature";
import { verifySignatureValue } from "./verify-signature-value";

// Steps 2–3: the signature covers exactly the bytes the server rebuilt, it was made with the
// key of the certificate it carries, and (CAdES-BES) its signed attributes name that
// certificate, so the certificate cannot be swapped for another with the same key. Each
// step uses the hash the signature names: GOST 34.311 for DSTU 4145, SHA-256/384 otherwise.

const mismatch = (detail: string) => kepError("SIGNING_CERTIFICATE_MISMATCH", undefined, { detail });

/** The first ESSCertIDv2 must hash (with the algorithm it names) to the signer's certificate and name its issuer and serial. */
async function checkSigningCertificateV2(parsed: ParsedSignature): Promise<void> {
  const certs =
    parsed.signingCertificateV2 instanceof asn1js.Sequence
      ? parsed.signingCertificateV2.valueBlock.value[0]
      : undefined;
  const essCertId = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(essCertId instanceof asn1js.Sequence)) throw mismatch("атрибут не містить ESSCertIDv2");
  const fields = [...essCertId.valueBlock.value];

  // RFC 5035: the hash algorithm defaults to SHA-256 when absent.
  let hashName = digestNamed("2.16.840.1.101.3.4.2.1");
  if (fields[0] instanceof asn1js.Sequence) {
    const hashAlgorithm = new pkijs.AlgorithmIdentifier({ schema: fields.shift() });
    hashName = digestNamed(hashAlgorithm.algorithmId);
  }
  const certHash = fields.shift();
  if (!(certHash instanceof asn1js.OctetString)) throw mismatch("немає хешу сертифіката");
  if (!bytesEqual(new Uint8Array(certHash.getValue()), digest(hashName, parsed.certificateDer)))
    throw mismatch("хеш сертифіката не збігається");

  const issuerSerial = fields.shift();
  if (issuerSerial === undefined) return;
  if (!(issuerSerial instanceof asn1js.Sequence)) throw mismatch("некоректний IssuerSerial");
  const [generalNames, serial] = issuerSerial.valueBlock.value;
  if (!(serial instanceof asn1js.Integer) || !serial.isEqual(parsed.certificate.serialNumber))
    throw mismatch("серійний номер не збігається");
  const names = generalNames instanceof asn1js.Sequence ? generalNames.valueBlock.value : [];
  const directoryName = names.find((name) => name.idBlock.tagClass === 3 && name.idBlock.tagNumber === 4);
  const issuerName = directoryName instanceof asn1js.Constructed ? directoryName.valueBlock.value[0] : undefined;
  if (!issuerName) throw mismatch("немає імені видавця");
  const issuer = new pkijs.RelativeDistinguishedNames({
    schema: issuerName,
    valueBeforeDecode: issuerName.toBER(false),
  });
  if (!namesEqual(parsed.certificate.issuer, issuer)) throw mismatch("видавець не збігається");
}

export async function checkSignatureIntegrity(parsed: ParsedSignature, content: Uint8Array): Promise<void> {
  const key = publicKeyAlgorithmOf(parsed.certificate.subjectPublicKeyInfo);
  checkAlgorithmsAgree(key, parsed.signatureAlgorithm, parsed.digestName);
  if (!bytesEqual(digest(parsed.digestName, content), parsed.messageDigest)) throw kepError("CONTENT_MISMATCH");
  const valid = await verifySignatureValue(
    {
      certificate: parsed.certificate,
      certificateDer: parsed.certificateDer,
      digestName: parsed.digestName,
      signed: parsed.signedAttributesDer,
      value: new Uint8Array(parsed.signerInfo.signature.getValue()),
    },
    key,
  );
  if (!valid) throw kepError("SIGNATURE_INVALID");
  await checkSigningCertificateV2(parsed);
}
