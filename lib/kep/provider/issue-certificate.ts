import "server-only";
import type { Db } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { ZEdrpou, ZRnokpp } from "@/lib/identifiers";
import { z } from "@/lib/zod";
import { buildSigningCertificate } from "../ca/build-signing-certificate";
import { certificateToDer } from "../ca/certificate-tools";
import { KEY_PASSWORD_PATTERN, createKeyFile } from "../ca/create-key-file";
import { isKepError } from "../errors";
import { ensureTestProvider } from "./ensure-test-provider";
import { generateRsaKeys } from "./generate-rsa-keys";
import { loadIssuingCa } from "./provider-store";

// Issues a holder a qualified signing certificate and a password-protected key file, and
// records the certificate so that the verifier and the CRL know it.

const DEFAULT_VALIDITY_MS = 2 * 365 * 86_400_000;
const BACKDATE_MS = 5 * 60_000;

export const ZIssueCertificateInput = z
  .object({
    rnokpp: ZRnokpp,
    fullName: z
      .string()
      .trim()
      .max(200)
      .refine((name) => name.split(/\s+/).length >= 2, "Вкажіть прізвище та ім'я"),
    edrpou: ZEdrpou.optional(),
    organization: z.string().trim().min(1).max(300).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    locality: z.string().trim().min(1).max(100).default("Київ"),
    password: z
      .string()
      .regex(KEY_PASSWORD_PATTERN, "Пароль ключа: 8–128 латинських літер, цифр або знаків, без пробілів"),
    validFrom: z.date().optional(),
    validTo: z.date().optional(),
  })
  .strict()
  .refine((input) => !input.organization || input.edrpou, {
    message: "Для організації вкажіть код ЄДРПОУ",
    path: ["edrpou"],
  });

export type IssueCertificateInput = z.input<typeof ZIssueCertificateInput>;

export type IssuedCertificate = {
  /** The .p12 key file for the holder. */
  p12: Uint8Array<ArrayBuffer>;
  serial: string;
  certificateDer: Uint8Array<ArrayBuffer>;
  notBefore: Date;
  notAfter: Date;
};

/**
 * `db` may be the caller's transaction; the provider must then already exist. With the
 * client itself, a missing provider is created first.
 */
export async function issueCertificate(
  ctx: Ctx<"db" | "now">,
  input: IssueCertificateInput,
  options: { /** Default PORTAL_URL; the launcher passes its own before Next runs. */ portalUrl?: string } = {},
): Promise<IssuedCertificate> {
  const data = parseInput(ZIssueCertificateInput, input);
  const { db: client, now } = ctx;

  const ca = await loadIssuingCa(client).catch(async (error: unknown) => {
    // Not `"$transaction" in client`: the shared db is a Proxy without a `has` trap.
    const canTransact = typeof (client as Partial<Db>).$transaction === "function";
    if (!isKepError(error, "PROVIDER_NOT_INITIALIZED") || !canTransact) throw error;
    await ensureTestProvider(ctx, { portalUrl: options.portalUrl });
    return loadIssuingCa(client);
  });

  const validFrom = data.validFrom ?? new Date(now.getTime() - BACKDATE_MS);
  const validTo =
    data.validTo ??
    new Date(Math.min(validFrom.getTime() + DEFAULT_VALIDITY_MS, ca.issuing.certificate.validity.notAfter.getTime()));
  const caValidity = ca.issuing.certificate.validity;
  if (validTo <= validFrom || validFrom < caValidity.notBefore || validTo > caValidity.notAfter) {
    throw new AppError("VALIDATION_FAILED", "Строк дії сертифіката має бути в межах строку дії сертифіката надавача", {
      fields: { validTo: "Некоректний строк дії" },
    });
  }

  const keys = await generateRsaKeys();
  const certificate = buildSigningCertificate({
    issuer: ca.issuing,
    publicKey: keys.publicKey,
    subject: data,
    portalUrl: options.portalUrl ?? env().PORTAL_URL,
    validFrom,
    validTo,
  });
  const p12 = createKeyFile({
    privateKey: keys.privateKey,
    certificate,
    chain: [ca.issuing.certificate, ca.root],
    password: data.password,
    friendlyName: data.fullName,
  });
  const certificateDer = certificateToDer(certificate);
  await client.certificate.create({
    data: {
      serial: certificate.serialNumber,
      rnokpp: data.rnokpp,
      edrpou: data.edrpou ?? null,
      subjectName: data.fullName,
      organization: data.organization ?? null,
      title: data.title ?? null,
      notBefore: certificate.validity.notBefore,
      notAfter: certificate.validity.notAfter,
      der: certificateDer,
    },
  });
  return {
    p12,
    serial: certificate.serialNumber,
    certificateDer,
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
  };
}
