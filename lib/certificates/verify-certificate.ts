import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import type { CertificateKind } from "@/lib/rules/certificate-entitlement";
import { hashCertificateFacts, initialsOf, ZCertificateFacts } from "./certificate-facts";
import { isCertificateCodeFormat } from "./certificate-code";
import { CERTIFICATE_SEAL_SUBJECT } from "./certificate-seal";
import { CERTIFICATE_KIND_INFO } from "./labels";
import { readCertificateFacts } from "./read-certificate-facts";

/** What anyone holding the QR code learns: validity, kind, number, date, initials — nothing that identifies the person alone. */
export type CertificateVerdict =
  | { status: "UNKNOWN" }
  | {
      status: "VALID" | "REVOKED" | "OUTDATED" | "SEAL_INVALID";
      reasonText: string | null;
      kind: CertificateKind;
      title: string;
      number: string;
      issuedOn: string;
      initials: string;
      birthYear: number;
      seal: { valid: boolean; organization: string | null; signedOn: string | null };
    };

const SELECT = {
  id: true,
  number: true,
  kind: true,
  issuedAt: true,
  rnokpp: true,
  facts: true,
  factsHash: true,
  pdf: true,
  pdfSha256: true,
  seal: true,
  revokedAt: true,
  revocationReason: true,
} as const;

/**
 * The public check behind /verify/certificate/<code>: the seal over the stored PDF verifies and
 * is the issuer's, the certificate is not revoked, and the registry still holds the facts it
 * states. A malformed and an unknown code get the same answer; the caller rate-limits by client.
 */
export async function verifyCertificate(
  ctx: Ctx<"db" | "registry" | "now">,
  input: { code: string },
): Promise<CertificateVerdict> {
  if (!isCertificateCodeFormat(input.code)) return { status: "UNKNOWN" };
  const row = await ctx.db.stateCertificate.findUnique({ where: { code: input.code }, select: SELECT });
  if (!row) return { status: "UNKNOWN" };
  const facts = ZCertificateFacts.parse(row.facts);

  const seal = await checkSeal(ctx, row.seal, row.pdf);
  const current = await readCertificateFacts(ctx, { rnokpp: row.rnokpp, kind: row.kind, today: kyivDate(ctx.now) });
  const stillTrue =
    current.facts !== null &&
    hashCertificateFacts(current.facts) === row.factsHash &&
    row.factsHash === hashCertificateFacts(facts);

  const [status, reasonText]: [Exclude<CertificateVerdict["status"], "UNKNOWN">, string | null] = !seal.valid
    ? ["SEAL_INVALID", "Кваліфікована електронна печатка довідки недійсна: довідка не може вважатися чинною."]
    : row.revokedAt
      ? [
          "REVOKED",
          `Довідку відкликано ${kyivDate(row.revokedAt).split("-").reverse().join(".")}. Причина: ${row.revocationReason ?? "не зазначено"}`,
        ]
      : !stillTrue
        ? [
            "OUTDATED",
            "Відомості, які містить довідка, у реєстрі «Оберіг» змінилися: довідка недійсна. Власник може замовити нову.",
          ]
        : ["VALID", null];

  return {
    status,
    reasonText,
    kind: row.kind,
    title: CERTIFICATE_KIND_INFO[row.kind].title,
    number: row.number,
    issuedOn: kyivDate(row.issuedAt),
    initials: initialsOf(facts.person),
    birthYear: Number(facts.person.birthDate.slice(0, 4)),
    seal,
  };
}

/**
 * An uploaded copy of the PDF against the sealed one: the same SHA-256, or a refusal (a changed
 * byte is a different document). Then the verdict of the certificate itself.
 */
export async function checkCertificatePdf(
  ctx: Ctx<"db" | "registry" | "now">,
  input: { code: string; pdf: Uint8Array },
): Promise<CertificateVerdict & { status: Exclude<CertificateVerdict["status"], "UNKNOWN"> }> {
  if (!isCertificateCodeFormat(input.code)) throw new AppError("NOT_FOUND", "Довідку за цим кодом не знайдено");
  const row = await ctx.db.stateCertificate.findUnique({ where: { code: input.code }, select: { pdfSha256: true } });
  if (!row) throw new AppError("NOT_FOUND", "Довідку за цим кодом не знайдено");
  if (createHash("sha256").update(input.pdf).digest("hex") !== row.pdfSha256)
    throw new AppError("CERTIFICATE_PDF_MISMATCH");
  const verdict = await verifyCertificate(ctx, { code: input.code });
  if (verdict.status === "UNKNOWN") throw new AppError("NOT_FOUND");
  return verdict;
}

async function checkSeal(
  ctx: Ctx<"db" | "now">,
  seal: Uint8Array,
  pdf: Uint8Array,
): Promise<{ valid: boolean; organization: string | null; signedOn: string | null }> {
  try {
    const signer = await verifySignature(ctx, {
      signature: new Uint8Array(seal),
      content: new Uint8Array(pdf),
      ownSeal: true,
    });
    const issuers = signer.edrpou === CERTIFICATE_SEAL_SUBJECT.edrpou;
    return { valid: issuers, organization: signer.organization ?? null, signedOn: kyivDate(signer.signingTime) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { valid: false, organization: null, signedOn: null };
    throw error;
  }
}
