import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { CertificateKind } from "@/lib/rules/certificate-entitlement";
import { CERTIFICATE_KIND_INFO } from "./labels";

// The QR code's secret (as the еВОД's: 144 random bits, unguessable) and the printed number.

const CODE_FORMAT = /^[A-Za-z0-9_-]{24}$/;

export function generateCertificateCode(): string {
  return randomBytes(18).toString("base64url");
}

export function isCertificateCodeFormat(value: unknown): value is string {
  return typeof value === "string" && CODE_FORMAT.test(value);
}

/** "УС-2026-48213907": the kind's prefix, the year of issue and eight random digits. */
export function generateCertificateNumber(kind: CertificateKind, today: string): string {
  return `${CERTIFICATE_KIND_INFO[kind].numberPrefix}-${today.slice(0, 4)}-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}
