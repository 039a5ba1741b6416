import "server-only";
import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { kepError } from "../errors";
import { OID } from "../oids";
import { cryptoEngine } from "./crypto-engine";
import type { TrustAnchors } from "./trust-anchors";

// Steps 4–6: the certificate was issued by the provider's issuing CA (its signature checked,
// not only its issuer's name), was valid when signed and is valid now, is not revoked, and
// allows non-repudiation.

export type CertificateStatus = { status: "GOOD" | "REVOKED"; revokedAt: Date | null };
/** The provider's record of a certificate, by serial (lowercase hex); null when it has none. */
export type CertificateStatusLookup = (serial: string) => Promise<CertificateStatus | null>;

const kyivTime = new Intl.DateTimeFormat("uk-UA", {
  timeZone: "Europe/Kyiv",
  dateStyle: "long",
  timeStyle: "short",
});

export function formatKyivTime(date: Date): string {
  return kyivTime.format(date);
}

export async function checkIssuedByProvider(certificate: pkijs.Certificate, trust: TrustAnchors): Promise<void> {
  const namedIssuer = certificate.issuer.isEqual(trust.issuing.subject);
  let signedByIssuer = false;
  if (namedIssuer) {
    try {
      signedByIssuer = await certificate.verify(trust.issuing, cryptoEngine);
    } catch {
      signedByIssuer = false;
    }
  }
  if (!signedByIssuer) throw kepError("CERTIFICATE_UNTRUSTED");
}

/** Valid at the claimed signing time and now; the provider's CA too. */
export function checkValidity(certificate: pkijs.Certificate, trust: TrustAnchors, moments: { signingTime: Date; now: Date }): void {
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  for (const moment of [moments.signingTime, moments.now]) {
    if (moment < notBefore) {
      throw kepError("CERTIFICATE_NOT_YET_VALID", `Строк дії сертифіката починається ${formatKyivTime(notBefore)}`, {
        notBefore: notBefore.toISOString(),
      });
    }
    if (moment > notAfter) {
      throw kepError("CERTIFICATE_EXPIRED", `Строк дії сертифіката минув ${formatKyivTime(notAfter)}`, {
        notAfter: notAfter.toISOString(),
      });
    }
    if (moment < trust.issuing.notBefore.value || moment > trust.issuing.notAfter.value) {
      throw kepError("CERTIFICATE_UNTRUSTED", "Сертифікат надавача, що видав ключ, недійсний на цей час");
    }
  }
}

export async function checkNotRevoked(serial: string, lookup: CertificateStatusLookup): Promise<void> {
  const record = await lookup(serial);
  if (!record) throw kepError("CERTIFICATE_UNKNOWN");
  if (record.status === "REVOKED") {
    const when = record.revokedAt ? ` ${formatKyivTime(record.revokedAt)}` : "";
    throw kepError("CERTIFICATE_REVOKED", `Сертифікат скасовано${when}: підпис цим ключем недійсний`, {
      revokedAt: record.revokedAt?.toISOString() ?? null,
    });
  }
}

/** keyUsage bit 1 (nonRepudiation, a.k.a. contentCommitment). */
export function checkNonRepudiation(certificate: pkijs.Certificate): void {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === OID.keyUsage);
  const bits = extension?.parsedValue;
  const firstByte = bits instanceof asn1js.BitString ? bits.valueBlock.valueHexView[0] : undefined;
  if (firstByte === undefined || (firstByte & 0x40) === 0) throw kepError("NO_NON_REPUDIATION");
}
