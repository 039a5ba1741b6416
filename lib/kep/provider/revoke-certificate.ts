import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { normalizeSerial } from "../bytes";
import { kepError } from "../errors";

// Revocation takes effect at once: the verifier reads the status from the same table, and
// the CRL and OCSP answers are built from it on every request.

/** RFC 5280 CRLReason codes the test provider uses. */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export const REVOCATION_REASON_LABELS: Record<RevocationReason, string> = {
  unspecified: "без зазначення причини",
  keyCompromise: "компрометація особистого ключа",
  affiliationChanged: "зміна посади або місця роботи",
  superseded: "замінено новим сертифікатом",
  cessationOfOperation: "припинення діяльності",
};

export function isRevocationReason(value: string | null | undefined): value is RevocationReason {
  return typeof value === "string" && value in REVOCATION_REASONS;
}

export async function revokeCertificate(
  ctx: Ctx<"db" | "now">,
  input: { serial: string; reason: RevocationReason },
): Promise<{ serial: string; revokedAt: Date }> {
  const { serial, reason } = input;
  if (!isRevocationReason(reason)) throw new AppError("VALIDATION_FAILED", "Невідома причина скасування сертифіката");
  const client = ctx.db;
  const key = normalizeSerial(serial);
  const revokedAt = ctx.now;
  // Conditional update: of two concurrent revocations exactly one changes the row.
  const { count } = await client.certificate.updateMany({
    where: { serial: key, status: "GOOD" },
    data: { status: "REVOKED", revokedAt, revocationReason: reason },
  });
  if (count === 1) return { serial: key, revokedAt };
  const existing = await client.certificate.findUnique({ where: { serial: key }, select: { revokedAt: true } });
  if (!existing) throw AppError.notFound("Сертифікат");
  throw kepError("CERTIFICATE_ALREADY_REVOKED", undefined, { revokedAt: existing.revokedAt?.toISOString() ?? null });
}
