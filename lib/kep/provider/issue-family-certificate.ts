import "server-only";
import jk from "jkurwa";
import type { Db } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";
import { bytesToHex, normalizeSerial } from "../bytes";
import { createAnyKeyFile } from "../ca/create-any-key-file";
import { createKey6Store } from "../ca/create-key6-store";
import { buildFamilySigningCertificate } from "../ca/family-certificates";
import { dstuFamilyKey, generateEcdsaKey } from "../ca/family-keys";
import { pkiUrls } from "../ca/pki-urls";
import { isKepError } from "../errors";
import { certificateFromDer } from "../verify/trust-anchors";
import { ensureTestProvider } from "./ensure-test-provider";
import { loadFamilyIssuingCa } from "./family-cas";
import { ZIssueCertificateInput, type IssueCertificateInput, type IssuedCertificate } from "./issue-certificate";

// Issues a holder a qualified certificate for an ECDSA P-256 key (in a PKCS#12 file, like the
// RSA ones) or a DSTU 4145 key (in a Key-6.dat-compatible PBES2 store written and read by
// jkurwa, with the certificate as a separate DER file, since such a store holds none), from
// the issuing CA of the same family, and records it beside the RSA ones: one certificate table,
// so revocation, the CRLs and OCSP cover every family.

export const KEY_ALGORITHMS = ["ECDSA-P256", "DSTU4145"] as const;
export type FamilyKeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

export const ZIssueFamilyCertificateInput = z.object({ algorithm: z.enum(KEY_ALGORITHMS) });

export type IssuedFamilyCertificate = Omit<IssuedCertificate, "p12"> & {
  algorithm: FamilyKeyAlgorithm;
  container: "pkcs12" | "key6";
  /** The key file: a .p12 (ECDSA) or a Key-6.dat-compatible store (DSTU 4145). */
  keyFile: Uint8Array;
};

const DEFAULT_VALIDITY_MS = 2 * 365 * 86_400_000;
const BACKDATE_MS = 5 * 60_000;

function pkcs8DerFromPem(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64"));
}

export async function issueFamilyCertificate(
  ctx: Ctx<"db" | "now">,
  input: IssueCertificateInput & { algorithm: FamilyKeyAlgorithm },
  options: { portalUrl?: string } = {},
): Promise<IssuedFamilyCertificate> {
  const { algorithm, ...rest } = input;
  const { algorithm: parsedAlgorithm } = parseInput(ZIssueFamilyCertificateInput, { algorithm });
  const data = parseInput(ZIssueCertificateInput, rest);
  const { db: client, now } = ctx;
  const family = parsedAlgorithm === "DSTU4145" ? "dstu" : "ecdsa";
  const portalUrl = options.portalUrl ?? env().PORTAL_URL;

  const ca = await loadFamilyIssuingCa(ctx, family).catch(async (error: unknown) => {
    const canTransact = typeof (client as Partial<Db>).$transaction === "function";
    if (!isKepError(error, "PROVIDER_NOT_INITIALIZED") || !canTransact) throw error;
    await ensureTestProvider(ctx, { portalUrl });
    return loadFamilyIssuingCa(ctx, family);
  });
  const caCertificate = certificateFromDer(ca.der);
  const caFrom = caCertificate.notBefore.value;
  const caTo = caCertificate.notAfter.value;
  const validFrom = data.validFrom ?? new Date(now.getTime() - BACKDATE_MS);
  const validTo = data.validTo ?? new Date(Math.min(validFrom.getTime() + DEFAULT_VALIDITY_MS, caTo.getTime()));
  if (validTo <= validFrom || validFrom < caFrom || validTo > caTo) {
    throw new AppError("VALIDATION_FAILED", "Строк дії сертифіката має бути в межах строку дії сертифіката надавача", {
      fields: { validTo: "Некоректний строк дії" },
    });
  }

  const priv = parsedAlgorithm === "DSTU4145" ? jk.std_curve("DSTU_PB_257").keygen() : null;
  const key = priv ? dstuFamilyKey(priv) : generateEcdsaKey("P-256");
  const certificateDer = buildFamilySigningCertificate({
    issuer: ca,
    spkiDer: key.spkiDer,
    subject: data,
    portalUrl,
    urls: pkiUrls(portalUrl, family),
    validFrom,
    validTo,
  });
  const keyFile = priv
    ? createKey6Store(priv, data.password)
    : createAnyKeyFile({
        pkcs8Der: pkcs8DerFromPem(key.exportPrivate().value),
        certificatesDer: [certificateDer, ca.der, ca.rootDer],
        password: data.password,
        friendlyName: data.fullName,
      });
  const certificate = certificateFromDer(certificateDer);
  const serial = normalizeSerial(bytesToHex(certificate.serialNumber.valueBlock.valueHexView));
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  await client.certificate.create({
    data: {
      serial,
      rnokpp: data.rnokpp,
      edrpou: data.edrpou ?? null,
      subjectName: data.fullName,
      organization: data.organization ?? null,
      title: data.title ?? null,
      notBefore,
      notAfter,
      der: certificateDer,
    },
  });
  return {
    algorithm: parsedAlgorithm,
    container: priv ? "key6" : "pkcs12",
    keyFile,
    serial,
    certificateDer,
    notBefore,
    notAfter,
  };
}
