import "server-only";
import type * as pkijs from "pkijs";
import { isAppError } from "@/lib/errors";
import type { CertificateStatus } from "../verify/check-certificate";
import type { TrustedCa } from "../verify/trust-anchors";
import { crlCertificateStatus } from "./crl-status";
import { ocspCertificateStatus, ocspUrlsOf } from "./ocsp-status";

// An imported provider's certificate: asked of the provider's OCSP responder when the
// certificate names one; when it cannot answer (down, timed out, a bad or stale answer), the
// CRL decides; when neither can, CERTIFICATE_STATUS_UNAVAILABLE — never an acceptance.

export async function importedCertificateStatus(
  certificate: pkijs.Certificate,
  issuer: TrustedCa,
  options: { now: Date; timeoutMs?: number },
): Promise<CertificateStatus | null> {
  if (ocspUrlsOf(certificate).length > 0) {
    try {
      return await ocspCertificateStatus(certificate, issuer, options);
    } catch (error) {
      if (!isAppError(error) || error.code !== "CERTIFICATE_STATUS_UNAVAILABLE") throw error;
      // The CRL's own refusal says why it could not help either.
    }
  }
  return crlCertificateStatus(certificate, issuer, options);
}
