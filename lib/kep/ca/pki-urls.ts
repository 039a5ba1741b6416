// The portal's own PKI endpoints, written into certificates (CRL distribution point, AIA).

export type PkiUrls = { crl: string; ocsp: string; issuingCa: string; rootCa: string };

export function pkiUrls(portalUrl: string): PkiUrls {
  const base = portalUrl.replace(/\/+$/, "");
  return {
    crl: `${base}/api/pki/crl`,
    ocsp: `${base}/api/pki/ocsp`,
    issuingCa: `${base}/api/pki/ca/issuing`,
    rootCa: `${base}/api/pki/ca/root`,
  };
}
