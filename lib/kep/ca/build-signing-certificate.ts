import type forge from "node-forge";
import { signingCertificateExtensions } from "./certificate-profiles";
import type { KeyUsageBits } from "./extensions";
import { issuerOf, keyIdentifier, signCertificate, type CaMaterial, type Validity } from "./certificate-tools";
import { pkiUrls } from "./pki-urls";
import { signerSubject, type SubjectInput } from "./subject-name";

export type BuildSigningCertificateOptions = Validity & {
  issuer: CaMaterial;
  publicKey: forge.pki.rsa.PublicKey;
  subject: SubjectInput;
  portalUrl: string;
  serial?: string;
  /** Defaults to digitalSignature + nonRepudiation; tests build certificates without the latter. */
  keyUsage?: KeyUsageBits;
};

/**
 * A qualified signing certificate in the Ukrainian profile: TINUA-/NTRUA- identifiers in the
 * subject, DRFO/EDRPOU codes in subjectDirectoryAttributes, the qualified-signature policy,
 * QcCompliance, and the portal's CRL and OCSP addresses.
 */
export function buildSigningCertificate(options: BuildSigningCertificateOptions): forge.pki.Certificate {
  const issuer = issuerOf(options.issuer);
  const urls = pkiUrls(options.portalUrl);
  return signCertificate(
    {
      serial: options.serial,
      subject: signerSubject(options.subject),
      issuer: issuer.name,
      publicKey: options.publicKey,
      validity: options,
      extensions: signingCertificateExtensions({
        keyId: keyIdentifier(options.publicKey),
        issuerKeyId: issuer.keyId,
        subject: options.subject,
        urls,
        keyUsage: options.keyUsage,
      }),
    },
    options.issuer.privateKey,
  );
}
