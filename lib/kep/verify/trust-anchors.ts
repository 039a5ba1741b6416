import "server-only";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { toArrayBuffer } from "../bytes";
import { verifyCertificateSignature } from "./check-certificate";
import { namesEqual } from "./match-signer";

// The certification authorities the verifier trusts: self-signed roots and the CAs they
// issued, each intermediate checked by signature up to a root when loaded, so a tampered row
// or bundle cannot slip in another issuer. The test provider contributes one root and one
// issuing CA per algorithm family; an imported trust list contributes the ЦЗО's and the
// qualified providers' certificates.

/** `root`: a self-signed anchor, which issues CAs only; signers' certificates come from the others. */
export type TrustedCa = {
  certificate: pkijs.Certificate;
  der: Uint8Array;
  root: boolean;
  /** Where the anchor came from: the portal's test КНЕДП or the imported trust list (revocation differs). */
  source?: "provider" | "imported";
};

export type TrustAnchors = { cas: readonly TrustedCa[] };

export function certificateFromDer(der: Uint8Array, label = "Сертифікат"): pkijs.Certificate {
  const ber = asn1js.fromBER(toArrayBuffer(der));
  if (ber.offset === -1 || ber.offset !== der.length) throw new Error(`${label}: сертифікат не читається`);
  return new pkijs.Certificate({ schema: ber.result });
}

export function derFromPem(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  return new Uint8Array(Buffer.from(body, "base64"));
}

export function isSelfSigned(certificate: pkijs.Certificate): boolean {
  return namesEqual(certificate.issuer, certificate.subject);
}

/** basicConstraints cA: only a CA certificate may be an anchor or an issuer. */
export function isCaCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === "2.5.29.19");
  return extension?.parsedValue instanceof pkijs.BasicConstraints && extension.parsedValue.cA === true;
}

export type LoadTrustAnchorsInput = { roots: readonly Uint8Array[]; intermediates?: readonly Uint8Array[] };

/**
 * Roots must be self-signed with a valid signature; every intermediate must be signed by a
 * root or an already-accepted intermediate. `strict` (the provider's own CAs) throws on the
 * first that is not; otherwise (an imported list) the rest is returned as `rejected`.
 */
export async function loadTrustAnchors(
  input: LoadTrustAnchorsInput,
  options: { strict?: boolean } = {},
): Promise<TrustAnchors & { rejected: Uint8Array[] }> {
  const strict = options.strict ?? true;
  const cas: TrustedCa[] = [];
  const rejected: Uint8Array[] = [];
  for (const der of input.roots) {
    const certificate = certificateFromDer(der, "Кореневий сертифікат");
    const self = { certificate, der, root: true };
    const ok =
      isCaCertificate(certificate) &&
      isSelfSigned(certificate) &&
      (await verifyCertificateSignature(certificate, self).catch(() => false));
    if (ok) cas.push(self);
    else if (strict) throw new Error("Кореневий сертифікат надавача не є самопідписаним");
    else rejected.push(der);
  }
  let pending = (input.intermediates ?? []).map((der) => ({
    der,
    certificate: certificateFromDer(der, "Сертифікат ЦСК"),
    root: false,
  }));
  // Accept in rounds, so an intermediate may be issued by another intermediate of the list.
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const next: typeof pending = [];
    for (const candidate of pending) {
      if (!isCaCertificate(candidate.certificate)) {
        next.push(candidate);
        continue;
      }
      const issuers = cas.filter((ca) => namesEqual(ca.certificate.subject, candidate.certificate.issuer));
      let ok = false;
      for (const issuer of issuers) {
        ok = await verifyCertificateSignature(candidate.certificate, issuer).catch(() => false);
        if (ok) break;
      }
      if (ok) {
        cas.push(candidate);
        progress = true;
      } else next.push(candidate);
    }
    pending = next;
  }
  if (pending.length > 0 && strict) throw new Error("Сертифікат ЦСК не підписано кореневим сертифікатом надавача");
  rejected.push(...pending.map((item) => item.der));
  return { cas, rejected };
}
