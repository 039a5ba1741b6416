import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { AppError, parseInput } from "@/lib/errors";
import { ZCertificateFile } from "./schemas";

export type CertificateFile = { body: Uint8Array; fileName: string; contentType: string };

/**
 * The sealed PDF or its detached seal (.p7s), for the certificate's holder only; anyone else's
 * certificate is "not found". Both are returned exactly as sealed and stored.
 */
export async function getCertificateFile(ctx: Ctx<"actor" | "db">, input: unknown): Promise<CertificateFile> {
  const rnokpp = citizenRnokpp(ctx.actor, "certificates.request");
  const { id, part } = parseInput(ZCertificateFile, input);
  const row = await ctx.db.stateCertificate.findFirst({
    where: { id, rnokpp },
    select: { number: true, pdf: true, seal: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Довідку не знайдено");
  // Latin file names: the number's Cyrillic prefix is transliterated away by keeping its digits.
  const stem = `dovidka-${row.number.replace(/[^0-9-]/g, "").replace(/^-/, "")}`;
  return part === "pdf"
    ? { body: new Uint8Array(row.pdf), fileName: `${stem}.pdf`, contentType: "application/pdf" }
    : { body: new Uint8Array(row.seal), fileName: `${stem}.pdf.p7s`, contentType: "application/pkcs7-signature" };
}
