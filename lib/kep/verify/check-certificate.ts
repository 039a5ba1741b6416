import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { kepError } from "../errors";
import { OID } from "../oids";
import { publicKeyAlgorithmOf, signatureAlgorithmNamed } from "./algorithms";
import { namesEqual, subjectKeyIdentifierOf } from "./match-signer";
import type { TrustAnchors, TrustedCa } from "./trust-anchors";
import { verifySignatureValue } from "./verify-signature-value";

// Steps 4–6: the certificate was issued by a trusted CA (its signature checked, in the CA's
// own algorithm family, not only its issuer's name), was valid when signed and is valid now,
// is not revoked, and allows non-repudiation.

export type CertificateStatus = { status: "GOOD" | "REVOKED"; revokedAt: Date | null };
/** The provider's record of a certificate, by serial (lowercase hex); null when it has none. */
export type CertificateStatusLookup = (
  serial: string,
  context?: { certificate: pkijs.Certificate; issuer: TrustedCa },
) => Promise<CertificateStatus | null>;

const kyivTime = new Intl.DateTimeFormat("uk-UA", {
  timeZone: "Europe/Kyiv",
  dateStyle: "long",
  timeStyle: "short",
});

export function formatKyivTime(date: Date): string {
  return kyivTime.format(date);
}

/** Does `issuer`'s key verify `certificate`'s signature? Throws only on unreadable input. */
export async function verifyCertificateSignature(certificate: pkijs.Certificate, issuer: TrustedCa): Promise<boolean> {
  const named = signatureAlgorithmNamed(certificate.signatureAlgorithm.algorithmId);
  const key = publicKeyAlgorithmOf(issuer.certificate.subjectPublicKeyInfo);
  if (named.family !== key.family || !named.digest) return false;
  return verifySignatureValue(
    {
      certificate: issuer.certificate,
      certificateDer: issuer.der,
      digestName: named.digest,
      signed: certificate.tbsView,
      value: certificate.signatureValue.valueBlock.valueHexView,
      dstuWrapped: true,
    },
    key,
  );
}

// A DSTU 4145 check costs tens of milliseconds; the same few certificates are checked again
// and again. Remembered: which trusted CA's signature a certificate (by hash) carries.
const verifiedIssuers = new Map<string, string>();
const hashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The trusted CA that issued this certificate, or CERTIFICATE_UNTRUSTED. */
export async function checkIssuedByProvider(
  certificate: pkijs.Certificate,
  certificateDer: Uint8Array,
  trust: TrustAnchors,
): Promise<TrustedCa> {
  const authorityKeyId = authorityKeyIdentifierOf(certificate);
  const candidates = trust.cas.filter((ca) => {
    // Roots (the ЦЗО, a provider's root) certify CAs, never a signer directly.
    if (ca.root || !namesEqual(ca.certificate.subject, certificate.issuer)) return false;
    const keyId = subjectKeyIdentifierOf(ca.certificate);
    return !authorityKeyId || !keyId || Buffer.compare(Buffer.from(authorityKeyId), Buffer.from(keyId)) === 0;
  });
  const id = hashOf(certificateDer);
  const remembered = verifiedIssuers.get(id);
  const known = remembered && candidates.find((ca) => hashOf(ca.der) === remembered);
  if (known) return known;
  for (const ca of candidates) {
    let signed = false;
    try {
      signed = await verifyCertificateSignature(certificate, ca);
    } catch {
      signed = false;
    }
    if (signed) {
      if (verifiedIssuers.size > 4096) verifiedIssuers.clear();
      verifiedIssuers.set(id, hashOf(ca.der));
      return ca;
    }
  }
  throw kepError("CERTIFICATE_UNTRUSTED");
}

function authorityKeyIdentifierOf(certificate: pkijs.Certificate): Uint8Array | null {
  const value = certificate.extensions?.find((candidate) => candidate.extnID === OID.authorityKeyIdentifier)
    ?.parsedValue as pkijs.AuthorityKeyIdentifier | undefined;
  const keyId = value?.keyIdentifier;
  return keyId instanceof asn1js.OctetString ? new Uint8Array(keyId.valueBlock.valueHexView) : null;
}

/** Valid at the claimed signing time and now; the issuing CA too. */
export function checkValidity(
  certificate: pkijs.Certificate,
  issuer: TrustedCa,
  moments: { signingTime: Date; now: Date },
): void {
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
    if (moment < issuer.certificate.notBefore.value || moment > issuer.certificate.notAfter.value) {
      throw kepError("CERTIFICATE_UNTRUSTED", "Сертифікат надавача, що видав ключ, недійсний на цей час");
    }
  }
}

export async function checkNotRevoked(
  serial: string,
  lookup: CertificateStatusLookup,
  context?: { certificate: pkijs.Certificate; issuer: TrustedCa },
): Promise<void> {
  const record = await lookup(serial, context);
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
