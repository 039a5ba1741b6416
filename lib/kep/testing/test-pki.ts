import "server-only";
import type forge from "node-forge";
import { generateRnokpp } from "@/lib/identifiers";
import { buildSigningCertificate } from "../ca/build-signing-certificate";
import { certificateToDer, type CaMaterial } from "../ca/certificate-tools";
import { createIssuingCa, createRootCa } from "../ca/create-ca";
import type { KeyUsageBits } from "../ca/extensions";
import type { SubjectInput } from "../ca/subject-name";
import { generateRsaKeys, type ForgeKeyPair } from "../provider/generate-rsa-keys";
import { loadTrustAnchors, type TrustAnchors } from "../verify/trust-anchors";

// Test fixtures: an in-memory provider and signers built with the production functions.
// Keys come from a small pool generated once per test file, so suites stay fast.

export const PORTAL_URL = "https://bronya.test";
export const DAY = 86_400_000;

export const HEAD: SubjectInput = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1978, 2, 14)), "FEMALE", 12),
  fullName: "Ґонта Олена Їжакевич-Петрівна",
  locality: "Київ",
  edrpou: "43556710",
  organization: "ТОВ «Енергоатом-Сервіс»",
  title: "Генеральна директорка",
};

export const CONSCRIPT: SubjectInput = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1995, 6, 1)), "MALE", 345),
  fullName: "Шевченко Тарас Григорович",
  locality: "Черкаси",
};

export type TestPki = {
  root: CaMaterial;
  issuing: CaMaterial;
  trust: TrustAnchors;
  rootDer: Uint8Array<ArrayBuffer>;
  issuingDer: Uint8Array<ArrayBuffer>;
};

export async function createKeyPool(size: number): Promise<ForgeKeyPair[]> {
  return Promise.all(Array.from({ length: size }, () => generateRsaKeys()));
}

/** A provider valid ten years around `now`; `names` lets a test build a look-alike provider. */
export async function createTestPki(keys: [ForgeKeyPair, ForgeKeyPair], now = new Date()): Promise<TestPki> {
  const validity = { validFrom: new Date(now.getTime() - 365 * DAY), validTo: new Date(now.getTime() + 3650 * DAY) };
  const root = createRootCa({ keys: keys[0], ...validity });
  const issuing = createIssuingCa({
    root,
    keys: keys[1],
    ...validity,
    rootCertificateUrl: `${PORTAL_URL}/api/pki/ca/root`,
  });
  const rootDer = certificateToDer(root.certificate);
  const issuingDer = certificateToDer(issuing.certificate);
  return {
    root,
    issuing,
    rootDer,
    issuingDer,
    trust: await loadTrustAnchors({ roots: [rootDer], intermediates: [issuingDer] }),
  };
}

export type TestSigner = {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  certificateDer: Uint8Array<ArrayBuffer>;
  serial: string;
};

export function issueTestSigner(
  issuer: CaMaterial,
  keys: ForgeKeyPair,
  subject: SubjectInput = HEAD,
  options: { validFrom?: Date; validTo?: Date; keyUsage?: KeyUsageBits; now?: Date } = {},
): TestSigner {
  const now = options.now ?? new Date();
  const certificate = buildSigningCertificate({
    issuer,
    publicKey: keys.publicKey,
    subject,
    portalUrl: PORTAL_URL,
    validFrom: options.validFrom ?? new Date(now.getTime() - DAY),
    validTo: options.validTo ?? new Date(now.getTime() + 365 * DAY),
    keyUsage: options.keyUsage,
  });
  return {
    privateKey: keys.privateKey,
    certificate,
    certificateDer: certificateToDer(certificate),
    serial: certificate.serialNumber,
  };
}
