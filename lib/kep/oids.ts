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
  extKeyUsage: "2.5.29.37",
  /** id-kp-OCSPSigning: a certificate a CA issued to answer OCSP on its behalf (RFC 6960 §4.2.2.2). */
  ocspSigning: "1.3.6.1.5.5.7.3.9",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  accessOcsp: "1.3.6.1.5.5.7.48.1",
  accessCaIssuers: "1.3.6.1.5.5.7.48.2",
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
} as const;

/** Algorithms of the three families the verifier accepts (see lib/kep/verify/algorithms.ts). */
export const ALGORITHM_OID = {
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  /** GOST 34.311-95, the hash of DSTU 4145 signatures. */
  gost34311: "1.2.804.2.1.1.1.1.2.1",
  /** DSTU 7564 (Kupyna) 256-bit, and the prefix of its family. */
  kupyna256: "1.2.804.2.1.1.1.1.2.2.1",
  kupynaPrefix: "1.2.804.2.1.1.1.1.2.2.",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsaEncryption: "1.2.840.113549.1.1.11",
  sha384WithRsaEncryption: "1.2.840.113549.1.1.12",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  p256: "1.2.840.10045.3.1.7",
  p384: "1.3.132.0.34",
  /** DSTU 4145-2002 over a polynomial basis, little-endian signature (the form IIT and jkurwa use). */
  dstu4145le: "1.2.804.2.1.1.1.1.3.1.1",
  dstu4145be: "1.2.804.2.1.1.1.1.3.1.2",
  /** DSTU 4145 named curves over a polynomial basis: <prefix>.<n>; 257-bit is .6. */
  dstuCurvePrefix: "1.2.804.2.1.1.1.1.3.1.1.2.",
} as const;

/** Prefixes of the ETSI EN 319 412-1 semantics identifiers used in Ukrainian certificates. */
export const TAX_ID_PREFIX = "TINUA-";
export const LEGAL_ID_PREFIX = "NTRUA-";
