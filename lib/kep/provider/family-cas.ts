import "server-only";
import type { Ctx } from "@/lib/context";
import { createFamilyIssuingCa, createFamilyRootCa, type FamilyCa } from "../ca/family-certificates";
import { dstuKeyFromDer, familyKeyFromPem, generateDstuKey, generateEcdsaKey, type FamilyKey } from "../ca/family-keys";
import { pkiUrls } from "../ca/pki-urls";
import { kepError } from "../errors";
import { derFromPem } from "../verify/trust-anchors";
import { ISSUING_ID, ROOT_ID } from "./provider-store";

// The test provider's CAs of the two other families: an ECDSA P-256 root and issuing CA, and a
// DSTU 4145 (257-bit curve) pair, in the same ca_keys table as the RSA pair. Each issuing CA
// signs certificates, CRLs and OCSP answers in its own family.

export type CaFamily = "rsa" | "ecdsa" | "dstu";
export const CA_FAMILIES: readonly CaFamily[] = ["rsa", "ecdsa", "dstu"];

export const CA_IDS: Record<CaFamily, { root: string; issuing: string }> = {
  rsa: { root: ROOT_ID, issuing: ISSUING_ID },
  ecdsa: { root: "root-ecdsa", issuing: "issuing-ecdsa" },
  dstu: { root: "root-dstu", issuing: "issuing-dstu" },
};

const DSTU_PEM_LABEL = "DSTU4145 PRIVATE KEY";

export function certificateDerToPem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
}

function keyToPem(key: FamilyKey): string {
  const exported = key.exportPrivate();
  if (exported.format === "pkcs8-pem") return exported.value;
  return `-----BEGIN ${DSTU_PEM_LABEL}-----\n${exported.value.replace(/.{64}/g, "$&\n").replace(/\n$/, "")}\n-----END ${DSTU_PEM_LABEL}-----\n`;
}

export function familyKeyFromStoredPem(pem: string): FamilyKey {
  if (pem.includes(DSTU_PEM_LABEL)) return dstuKeyFromDer(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
  return familyKeyFromPem(pem);
}

const YEAR_MS = 365.25 * 86_400_000;
const BACKDATE_MS = 86_400_000;

/** Inside the provider's advisory lock: creates the ECDSA and DSTU CA pairs that are missing. */
export async function ensureFamilyCas(ctx: Ctx<"db" | "now">, input: { portalUrl: string }): Promise<void> {
  const tx = ctx.db;
  const options = { now: ctx.now, portalUrl: input.portalUrl };
  const rows = await tx.caKey.findMany({ select: { id: true } });
  const have = new Set(rows.map((row) => row.id));
  const validFrom = new Date(options.now.getTime() - BACKDATE_MS);
  for (const family of ["ecdsa", "dstu"] as const) {
    const ids = CA_IDS[family];
    if (have.has(ids.root) && have.has(ids.issuing)) continue;
    if (have.has(ids.issuing) || have.has(ids.root))
      throw new Error(`Тестовий КНЕДП пошкоджено: неповна пара ЦСК ${family}`);
    const generate = () => (family === "ecdsa" ? generateEcdsaKey("P-256") : generateDstuKey());
    const root = createFamilyRootCa({
      key: generate(),
      validFrom,
      validTo: new Date(options.now.getTime() + 20 * YEAR_MS),
    });
    const issuing = createFamilyIssuingCa({
      root,
      key: generate(),
      validFrom,
      validTo: new Date(options.now.getTime() + 10 * YEAR_MS),
      rootCertificateUrl: pkiUrls(options.portalUrl, family).rootCa,
    });
    await tx.caKey.create({
      data: { id: ids.root, certPem: certificateDerToPem(root.der), keyPem: keyToPem(root.key) },
    });
    await tx.caKey.create({
      data: { id: ids.issuing, certPem: certificateDerToPem(issuing.der), keyPem: keyToPem(issuing.key) },
    });
  }
}

export type LoadedCa = FamilyCa & { family: CaFamily; rootDer: Uint8Array };

/** An issuing CA with its key (for issuing, CRL and OCSP signing) and its root's certificate. */
export async function loadFamilyIssuingCa(ctx: Ctx<"db">, family: CaFamily): Promise<LoadedCa> {
  const ids = CA_IDS[family];
  const rows = await ctx.db.caKey.findMany({
    where: { id: { in: [ids.root, ids.issuing] } },
    select: { id: true, certPem: true, keyPem: true },
  });
  const issuing = rows.find((row) => row.id === ids.issuing);
  const root = rows.find((row) => row.id === ids.root);
  if (!issuing || !root) throw kepError("PROVIDER_NOT_INITIALIZED");
  return {
    family,
    der: derFromPem(issuing.certPem),
    key: familyKeyFromStoredPem(issuing.keyPem),
    rootDer: derFromPem(root.certPem),
  };
}
