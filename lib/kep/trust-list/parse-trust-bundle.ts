import "server-only";
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { AppError } from "@/lib/errors";
import { bytesToHex, normalizeSerial, toArrayBuffer } from "../bytes";
import { nameAttribute } from "../verify/match-signer";
import { isCaCertificate, isSelfSigned, loadTrustAnchors } from "../verify/trust-anchors";

// The trust list of qualified providers as the Central Certification Authority publishes it:
// a certs-only CMS SignedData (CACertificates.p7b, DER or PEM "PKCS7") or a PEM bundle of
// certificates. Every certificate must be a CA certificate (basicConstraints cA), and every
// one that is not self-signed must be signed by a root of the same bundle (directly or through
// another of its CAs) — otherwise the whole bundle is refused with a sentence that names the
// certificate, and nothing is written. Pure: no database.

export const MAX_TRUST_BUNDLE_BYTES = 4 * 1024 * 1024;

export type TrustListCertificate = {
  der: Uint8Array;
  sha256: string;
  provider: string;
  subject: string;
  issuer: string;
  serial: string;
  isRoot: boolean;
  notBefore: Date;
  notAfter: Date;
  crlUrls: string[];
  ocspUrls: string[];
};

export type TrustListProvider = { name: string; certificates: TrustListCertificate[] };

export type ParsedTrustBundle = {
  format: "cms" | "pem";
  certificates: TrustListCertificate[];
  providers: TrustListProvider[];
};

const SHORT_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.5": "serialNumber",
  "2.5.4.97": "organizationIdentifier",
};

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => {
      const label = SHORT_NAMES[entry.type] ?? entry.type;
      const block = entry.value.valueBlock as { value?: unknown };
      return `${label}=${typeof block.value === "string" ? block.value : "…"}`;
    })
    .join(", ");
}

const invalid = (message: string) => new AppError("TRUST_BUNDLE_INVALID", message);

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const ber = asn1js.fromBER(toArrayBuffer(der));
  if (ber.offset === -1 || ber.offset !== der.length) throw invalid("Сертифікат у переліку не читається");
  try {
    return new pkijs.Certificate({ schema: ber.result });
  } catch {
    throw invalid("Сертифікат у переліку не читається");
  }
}

function uris(names: pkijs.GeneralName[] | undefined): string[] {
  return (names ?? []).flatMap((name) => (name.type === 6 && typeof name.value === "string" ? [name.value] : []));
}

/** CRL distribution points and OCSP addresses a certificate publishes. */
export function statusUrlsOf(certificate: pkijs.Certificate): { crlUrls: string[]; ocspUrls: string[] } {
  const crlUrls: string[] = [];
  const ocspUrls: string[] = [];
  for (const extension of certificate.extensions ?? []) {
    if (extension.extnID === "2.5.29.31" && extension.parsedValue instanceof pkijs.CRLDistributionPoints) {
      for (const point of extension.parsedValue.distributionPoints) {
        if (Array.isArray(point.distributionPoint)) crlUrls.push(...uris(point.distributionPoint));
      }
    }
    if (extension.extnID === "1.3.6.1.5.5.7.1.1" && extension.parsedValue instanceof pkijs.InfoAccess) {
      for (const description of extension.parsedValue.accessDescriptions) {
        if (description.accessMethod === "1.3.6.1.5.5.7.48.1") ocspUrls.push(...uris([description.accessLocation]));
      }
    }
  }
  return { crlUrls, ocspUrls };
}

function describe(der: Uint8Array, certificate: pkijs.Certificate): TrustListCertificate {
  const provider =
    nameAttribute(certificate.subject, "2.5.4.10") ??
    nameAttribute(certificate.subject, "2.5.4.3") ??
    nameText(certificate.subject);
  return {
    der,
    sha256: createHash("sha256").update(der).digest("hex"),
    provider,
    subject: nameText(certificate.subject),
    issuer: nameText(certificate.issuer),
    serial: normalizeSerial(bytesToHex(certificate.serialNumber.valueBlock.valueHexView)),
    isRoot: isSelfSigned(certificate),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    ...statusUrlsOf(certificate),
  };
}

function pemBlocks(text: string): Array<{ label: string; der: Uint8Array }> {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)].map((match) => ({
    label: match[1]!,
    der: new Uint8Array(Buffer.from(match[2]!.replace(/\s+/g, ""), "base64")),
  }));
}

function certificatesOfCms(der: Uint8Array): Uint8Array[] {
  const ber = asn1js.fromBER(toArrayBuffer(der));
  if (ber.offset === -1 || ber.offset !== der.length)
    throw invalid("Файл не є переліком сертифікатів: очікується CMS (.p7b) або PEM із сертифікатами");
  let signedData: pkijs.SignedData;
  try {
    const info = new pkijs.ContentInfo({ schema: ber.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error("not SignedData");
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    throw invalid("Файл не є переліком сертифікатів: це не CMS SignedData (.p7b)");
  }
  return (signedData.certificates ?? []).flatMap((entry) =>
    entry instanceof pkijs.Certificate ? [new Uint8Array(entry.toSchema().toBER(false))] : [],
  );
}

export async function parseTrustBundle(file: Uint8Array): Promise<ParsedTrustBundle> {
  if (file.length === 0) throw invalid("Файл переліку порожній");
  if (file.length > MAX_TRUST_BUNDLE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Файл переліку завеликий (понад 4 МБ)");
  const text = Buffer.from(file).toString("latin1");
  let format: ParsedTrustBundle["format"];
  let ders: Uint8Array[];
  if (text.includes("-----BEGIN ")) {
    const blocks = pemBlocks(text);
    const cms = blocks.filter((block) => block.label === "PKCS7" || block.label === "CMS");
    format = cms.length > 0 ? "cms" : "pem";
    ders = [
      ...cms.flatMap((block) => certificatesOfCms(block.der)),
      ...blocks.filter((block) => block.label === "CERTIFICATE").map((block) => block.der),
    ];
    if (blocks.length === 0) throw invalid("Файл не є переліком сертифікатів: у PEM немає блоків CERTIFICATE чи PKCS7");
  } else {
    format = "cms";
    ders = certificatesOfCms(file);
  }
  if (ders.length === 0) throw new AppError("TRUST_BUNDLE_EMPTY");

  const seen = new Set<string>();
  const certificates: TrustListCertificate[] = [];
  const parsed = new Map<string, pkijs.Certificate>();
  for (const der of ders) {
    const certificate = parseCertificate(der);
    const described = describe(der, certificate);
    if (seen.has(described.sha256)) continue;
    seen.add(described.sha256);
    if (!isCaCertificate(certificate)) {
      throw new AppError(
        "TRUST_BUNDLE_NOT_CA",
        `У переліку є сертифікат, що не є сертифікатом ЦСК: ${described.subject}`,
        { details: { subject: described.subject, serial: described.serial } },
      );
    }
    certificates.push(described);
    parsed.set(described.sha256, certificate);
  }

  let anchors: Awaited<ReturnType<typeof loadTrustAnchors>>;
  try {
    anchors = await loadTrustAnchors(
      {
        roots: certificates.filter((entry) => entry.isRoot).map((entry) => entry.der),
        intermediates: certificates.filter((entry) => !entry.isRoot).map((entry) => entry.der),
      },
      { strict: false },
    );
  } catch {
    throw invalid("Сертифікат у переліку не читається");
  }
  const rejected = anchors.rejected[0];
  if (rejected) {
    const entry = certificates.find(
      (candidate) => Buffer.compare(Buffer.from(candidate.der), Buffer.from(rejected)) === 0,
    )!;
    throw new AppError(
      "TRUST_BUNDLE_UNCHAINED",
      entry.isRoot
        ? `Кореневий сертифікат переліку не підписано його власним ключем: ${entry.subject}`
        : `Сертифікат ЦСК не підписано жодним кореневим сертифікатом переліку: ${entry.subject}`,
      { details: { subject: entry.subject, serial: entry.serial } },
    );
  }

  const byProvider = new Map<string, TrustListCertificate[]>();
  for (const entry of certificates) byProvider.set(entry.provider, [...(byProvider.get(entry.provider) ?? []), entry]);
  const providers = [...byProvider.entries()]
    .map(([name, list]) => ({
      name,
      certificates: list.sort(
        (a, b) => Number(b.isRoot) - Number(a.isRoot) || a.notBefore.getTime() - b.notBefore.getTime(),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "uk"));
  return { format, certificates, providers };
}
