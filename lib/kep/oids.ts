// Object identifiers of the КЕП profile and of CMS/CAdES. One table so that the issuer,
// the browser signer and the verifier cannot drift apart. Browser-safe.

export const OID = {
  // CMS (RFC 5652) and its signed attributes
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  /** ESS signing-certificate-v2 (RFC 5035), the attribute that makes CMS CAdES-BES. */
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",

  // Algorithms
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsaEncryption: "1.2.840.113549.1.1.11",

  // Name attributes beyond forge's table
  organizationIdentifier: "2.5.4.97",

  // Ukrainian qualified profile
  drfoCode: "1.2.804.2.1.1.1.11.1.4.1.1",
  edrpouCode: "1.2.804.2.1.1.1.11.1.4.2.1",
  uaQualifiedPolicy: "1.2.804.2.1.1.1.2.2",
  qcStatements: "1.3.6.1.5.5.7.1.3",
  qcCompliance: "0.4.0.1862.1.1",

  // Certificate and CRL extensions
  subjectDirectoryAttributes: "2.5.29.9",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  crlReason: "2.5.29.21",
  crlDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  accessOcsp: "1.3.6.1.5.5.7.48.1",
  accessCaIssuers: "1.3.6.1.5.5.7.48.2",
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
} as const;

/** Prefixes of the ETSI EN 319 412-1 semantics identifiers used in Ukrainian certificates. */
export const TAX_ID_PREFIX = "TINUA-";
export const LEGAL_ID_PREFIX = "NTRUA-";
