import "server-only";
import { bytesToHex, normalizeSerial } from "../bytes";
import { buildDetachedCms, type BuildDetachedCmsOptions } from "../cms/build-detached-cms";
import {
  buildFamilySigningCertificate,
  createFamilyIssuingCa,
  createFamilyRootCa,
  type FamilyCa,
} from "../ca/family-certificates";
import { cmsSignerOf, generateDstuKey, generateEcdsaKey, type FamilyKey } from "../ca/family-keys";
import type { KeyUsageBits } from "../ca/extensions";
import type { SubjectInput } from "../ca/subject-name";
import { certificateFromDer, loadTrustAnchors, type TrustAnchors } from "../verify/trust-anchors";
import { DAY, HEAD, PORTAL_URL } from "./test-pki";

// Test fixtures for the ECDSA and DSTU 4145 families: an in-memory provider of one family
// (root and issuing CA signing with it) and its signers, built with the production builders.

export type FamilyName = "ECDSA-P256" | "ECDSA-P384" | "DSTU4145";

export function generateFamilyKey(family: FamilyName): FamilyKey {
  if (family === "DSTU4145") return generateDstuKey();
  return generateEcdsaKey(family === "ECDSA-P384" ? "P-384" : "P-256");
}

export type FamilyTestPki = { root: FamilyCa; issuing: FamilyCa; trust: TrustAnchors };

export async function createFamilyTestPki(family: FamilyName, now = new Date()): Promise<FamilyTestPki> {
  const validity = { validFrom: new Date(now.getTime() - 365 * DAY), validTo: new Date(now.getTime() + 3650 * DAY) };
  const root = createFamilyRootCa({ key: generateFamilyKey(family), ...validity });
  const issuing = createFamilyIssuingCa({
    root,
    key: generateFamilyKey(family),
    ...validity,
    rootCertificateUrl: `${PORTAL_URL}/api/pki/ca/root`,
  });
  return { root, issuing, trust: await loadTrustAnchors({ roots: [root.der], intermediates: [issuing.der] }) };
}

export type FamilyTestSigner = { key: FamilyKey; certificateDer: Uint8Array<ArrayBuffer>; serial: string };

export function issueFamilySigner(
  issuer: FamilyCa,
  key: FamilyKey,
  subject: SubjectInput = HEAD,
  options: { validFrom?: Date; validTo?: Date; keyUsage?: KeyUsageBits; now?: Date } = {},
): FamilyTestSigner {
  const now = options.now ?? new Date();
  const certificateDer = buildFamilySigningCertificate({
    issuer,
    spkiDer: key.spkiDer,
    subject,
    portalUrl: PORTAL_URL,
    validFrom: options.validFrom ?? new Date(now.getTime() - DAY),
    validTo: options.validTo ?? new Date(now.getTime() + 365 * DAY),
    keyUsage: options.keyUsage,
  });
  const serial = normalizeSerial(bytesToHex(certificateFromDer(certificateDer).serialNumber.valueBlock.valueHexView));
  return { key, certificateDer, serial };
}

export function signWithFamily(
  signer: FamilyTestSigner,
  content: Uint8Array,
  options: BuildDetachedCmsOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return buildDetachedCms(cmsSignerOf(signer.key, signer.certificateDer), content, options);
}
