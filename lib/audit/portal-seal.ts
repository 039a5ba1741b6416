import "server-only";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import type { Ctx } from "@/lib/context";
import { generateEdrpou, generateRnokpp } from "@/lib/identifiers";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { privateKeyToPem } from "@/lib/kep/provider/provider-store";

// The portal's qualified electronic seal: a certificate the test КНЕДП issues to the portal as
// an organization, kept with the provider's own keys (public.ca_keys, id "portal-seal"). It
// signs each day's audit anchor. The certificate profile has no seal type of its own yet, so
// the holder fields name the portal and the seal's responsible officer identifier.

export const PORTAL_SEAL_ID = "portal-seal";
export const PORTAL_SEAL_SUBJECT = {
  rnokpp: generateRnokpp(new Date(Date.UTC(1991, 7, 24)), "MALE", 1),
  edrpou: generateEdrpou(4_399_001),
  fullName: "Портал Броня",
  organization: "Портал е-бронювання «Броня»",
  title: "Кваліфікована електронна печатка",
} as const;

export type PortalSeal = { sign(content: Uint8Array, signingTime?: Date): Uint8Array; certificateDer: Uint8Array };

function sealFrom(row: { certPem: string; keyPem: string }): PortalSeal {
  const certificate = forge.pki.certificateFromPem(row.certPem);
  const privateKey = forge.pki.privateKeyFromPem(row.keyPem) as forge.pki.rsa.PrivateKey;
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return {
    sign: (content, signingTime) => signDetached({ privateKey, certificate }, content, { signingTime }),
    certificateDer: Uint8Array.from(der, (c) => c.charCodeAt(0)),
  };
}

/** The seal, issued on first use. `client` must be able to open a transaction (or be one with the provider in place). */
export async function loadPortalSeal(ctx: Ctx<"db" | "now">): Promise<PortalSeal> {
  const { db: client, now } = ctx;
  const existing = await client.caKey.findUnique({ where: { id: PORTAL_SEAL_ID }, select: { certPem: true, keyPem: true } });
  if (existing) return sealFrom(existing);
  const password = randomBytes(18).toString("base64url");
  const issued = await issueCertificate({ db: client, now }, { ...PORTAL_SEAL_SUBJECT, password });
  const opened = openKeyFile(issued.p12, password);
  const row = { certPem: forge.pki.certificateToPem(opened.certificate), keyPem: privateKeyToPem(opened.privateKey) };
  // Two first users at once: the first row wins, the other certificate stays unused.
  await client.caKey.createMany({ data: [{ id: PORTAL_SEAL_ID, ...row }], skipDuplicates: true });
  const stored = await client.caKey.findUniqueOrThrow({ where: { id: PORTAL_SEAL_ID }, select: { certPem: true, keyPem: true } });
  return sealFrom(stored);
}
