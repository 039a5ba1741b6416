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
  type ForgeExtension,
  type KeyUsageBits,
} from "./extensions";
import type { SubjectInput } from "./subject-name";

// The test provider's certificate profiles as lists of extensions, one place for every key
// family: the RSA builders (create-ca.ts, build-signing-certificate.ts) sign them with forge,
// the ECDSA and DSTU 4145 ones (family-certificates.ts) with their own signers. Key
// identifiers are binary strings (forge's convention).

/**
 * A CA certificate: keyCertSign and cRLSign. A root names itself as its authority and has no
 * path length; an issuing CA signs end-entity certificates only (path length 0) and may say
 * where its root can be downloaded (AIA caIssuers).
 */
export function caCertificateExtensions(options: {
  keyId: string;
  issuerKeyId: string;
  issuing: boolean;
  rootCertificateUrl?: string;
}): ForgeExtension[] {
  const extensions = [
    options.issuing ? basicConstraintsExtension(true, 0) : basicConstraintsExtension(true),
    keyUsageExtension({ keyCertSign: true, cRLSign: true }),
    subjectKeyIdentifierExtension(options.keyId),
    authorityKeyIdentifierExtension(options.issuerKeyId),
  ];
  if (options.rootCertificateUrl)
    extensions.push(authorityInfoAccessExtension({ caIssuers: options.rootCertificateUrl }));
  return extensions;
}

/**
 * A qualified signing certificate in the Ukrainian profile: the qualified-signature policy,
 * QcCompliance, DRFO/EDRPOU codes in subjectDirectoryAttributes, and the provider's CRL and
 * OCSP addresses. keyUsage defaults to digitalSignature + nonRepudiation.
 */
export function signingCertificateExtensions(options: {
  keyId: string;
  issuerKeyId: string;
  subject: SubjectInput;
  urls: { crl: string; ocsp: string; issuingCa: string };
  keyUsage?: KeyUsageBits;
}): ForgeExtension[] {
  return [
    basicConstraintsExtension(false),
    keyUsageExtension(options.keyUsage ?? { digitalSignature: true, nonRepudiation: true }),
    subjectKeyIdentifierExtension(options.keyId),
    authorityKeyIdentifierExtension(options.issuerKeyId),
    certificatePoliciesExtension([OID.uaQualifiedPolicy]),
    qcStatementsExtension(),
    subjectDirectoryAttributesExtension({ rnokpp: options.subject.rnokpp, edrpou: options.subject.edrpou }),
    crlDistributionPointsExtension(options.urls.crl),
    authorityInfoAccessExtension({ ocsp: options.urls.ocsp, caIssuers: options.urls.issuingCa }),
  ];
}
