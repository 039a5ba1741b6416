import forge from "node-forge";
import { binaryToBytes, bytesToBinary } from "../bytes";

// Hand-made CMS structures the portal's signer would never produce, for the verifier's
// refusal tests: forge's own PKCS#7 signer (no ESS attribute, optional embedded content,
// several signers) and surgery on an existing signature's ASN.1.

export type ForgeCmsOptions = {
  content: Uint8Array;
  signers: Array<{ privateKey: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate }>;
  detached?: boolean;
  includeCertificates?: boolean;
  digest?: "sha256" | "sha1";
  withSigningTime?: boolean;
  /** false: leave the signer identifier as forge writes it (its Cyrillic issuer re-encoded). */
  repairIssuer?: boolean;
};

export function forgeCms(options: ForgeCmsOptions): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(bytesToBinary(options.content));
  const oids = forge.pki.oids as Record<string, string>;
  for (const signer of options.signers) {
    if (options.includeCertificates ?? true) p7.addCertificate(signer.certificate);
    const authenticatedAttributes = [
      { type: oids.contentType!, value: oids.data! },
      { type: oids.messageDigest! },
      ...((options.withSigningTime ?? true)
        ? [{ type: oids.signingTime!, value: new Date() as unknown as string }]
        : []),
    ];
    p7.addSigner({
      key: signer.privateKey,
      certificate: signer.certificate,
      digestAlgorithm: oids[options.digest ?? "sha256"]!,
      authenticatedAttributes,
    });
  }
  p7.sign({ detached: options.detached ?? true });
  const contentInfo = p7.toAsn1();
  // forge re-encodes the signer's issuer name from parsed attributes and UTF-8-encodes the
  // already-encoded Cyrillic a second time: put the certificate's own issuer name back.
  const signerInfos = signedDataFields(contentInfo).at(-1)!.value as forge.asn1.Asn1[];
  if (options.repairIssuer !== false)
    signerInfos.forEach((signerInfo, index) => {
      const sid = (signerInfo.value as forge.asn1.Asn1[])[1]!;
      (sid.value as forge.asn1.Asn1[])[0] = issuerNameOf(options.signers[index]!.certificate);
    });
  return binaryToBytes(forge.asn1.toDer(contentInfo).getBytes());
}

function signedDataFields(contentInfo: forge.asn1.Asn1): forge.asn1.Asn1[] {
  const signedData = ((contentInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  return signedData.value as forge.asn1.Asn1[];
}

function issuerNameOf(certificate: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbsFields = (forge.pki.certificateToAsn1(certificate).value as forge.asn1.Asn1[])[0]!
    .value as forge.asn1.Asn1[];
  return tbsFields[tbsFields[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 3 : 2]!;
}

/** Replaces the certificate carried in a signature (and the signer's issuer/serial pointer). */
export function swapCertificate(signature: Uint8Array, certificate: forge.pki.Certificate): Uint8Array {
  const contentInfo = forge.asn1.fromDer(bytesToBinary(signature), true);
  const fields = signedDataFields(contentInfo);
  const certificates = fields.find(
    (field) => field.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && field.type === 0,
  )!;
  certificates.value = [forge.pki.certificateToAsn1(certificate)];
  const signerInfo = (fields[fields.length - 1]!.value as forge.asn1.Asn1[])[0]!;
  const sid = (signerInfo.value as forge.asn1.Asn1[])[1]!;
  (sid.value as forge.asn1.Asn1[])[1] = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.INTEGER,
    false,
    forge.util.hexToBytes(certificate.serialNumber),
  );
  return binaryToBytes(forge.asn1.toDer(contentInfo).getBytes());
}
