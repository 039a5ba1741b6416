import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { kyivDate } from "@/lib/format";
import { hashCertificateFacts, type CertificateFacts } from "./certificate-facts";
import { generateCertificateCode, generateCertificateNumber } from "./certificate-code";
import type { CertificateSeal } from "./certificate-seal";
import { renderCertificatePdf } from "./render-certificate-pdf";

/** What the QR code opens: the public check of this certificate. */
export function certificateVerifyUrl(code: string): string {
  return `${env().PORTAL_URL.replace(/\/$/, "")}/verify/certificate/${encodeURIComponent(code)}`;
}

export type SealedCertificate = { id: string; number: string; code: string };

/**
 * Draws the PDF, seals exactly those bytes with the issuer's qualified seal (detached CAdES),
 * and stores both with the facts they state — in the caller's transaction, beside the request
 * it answers and its audit row.
 */
export async function sealCertificate(
  ctx: Ctx<"now"> & { db: DbTx },
  input: { requestId: string; facts: CertificateFacts; seal: CertificateSeal },
): Promise<SealedCertificate> {
  const { facts, seal } = input;
  const number = generateCertificateNumber(facts.kind, kyivDate(ctx.now));
  const code = generateCertificateCode();
  const pdf = new Uint8Array(
    await renderCertificatePdf({ number, issuedAt: ctx.now, facts, verifyUrl: certificateVerifyUrl(code) }),
  );
  const signature = seal.sign(pdf, ctx.now);
  const created = await ctx.db.stateCertificate.create({
    data: {
      number,
      code,
      requestId: input.requestId,
      rnokpp: facts.person.rnokpp,
      kind: facts.kind,
      issuedAt: ctx.now,
      facts: facts as unknown as Prisma.InputJsonValue,
      factsHash: hashCertificateFacts(facts),
      pdf,
      pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      seal: Uint8Array.from(signature),
      sealCertificateSerial: seal.serial,
    },
    select: { id: true, number: true, code: true },
  });
  return created;
}
