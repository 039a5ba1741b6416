import type forge from "node-forge";
import { OID } from "../oids";
import {
  authorityInfoAccessExtension,
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  certificatePoliciesExtension,
  crlDistributionPointsExtension,
  keyUsageExtension,
  qcStatementsExtension,
  subjectDirectoryAttributesExtension,
  subjectKeyIdentifierExtension,
  type KeyUsageBits,
} from "./extensions";
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
      extensions: [
        basicConstraintsExtension(false),
        keyUsageExtension(options.keyUsage ?? { digitalSignature: true, nonRepudiation: true }),
        subjectKeyIdentifierExtension(keyIdentifier(options.publicKey)),
        authorityKeyIdentifierExtension(issuer.keyId),
        certificatePoliciesExtension([OID.uaQualifiedPolicy]),
        qcStatementsExtension(),
        subjectDirectoryAttributesExtension({ rnokpp: options.subject.rnokpp, edrpou: options.subject.edrpou }),
        crlDistributionPointsExtension(urls.crl),
        authorityInfoAccessExtension({ ocsp: urls.ocsp, caIssuers: urls.issuingCa }),
      ],
    },
    options.issuer.privateKey,
  );
}
