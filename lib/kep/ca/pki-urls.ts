// The portal's own PKI endpoints, written into certificates (CRL distribution point, AIA).

export type PkiUrls = { crl: string; ocsp: string; issuingCa: string; rootCa: string };

/** The RSA CA keeps the original addresses; the ECDSA and DSTU 4145 CAs have their own CRL and certificates. */
export function pkiUrls(portalUrl: string, family: "rsa" | "ecdsa" | "dstu" = "rsa"): PkiUrls {
  const base = portalUrl.replace(/\/+$/, "");
  const suffix = family === "rsa" ? "" : `-${family}`;
  return {
    crl: family === "rsa" ? `${base}/api/pki/crl` : `${base}/api/pki/crl?ca=${family}`,
    ocsp: `${base}/api/pki/ocsp`,
    issuingCa: `${base}/api/pki/ca/issuing${suffix}`,
    rootCa: `${base}/api/pki/ca/root${suffix}`,
  };
}
