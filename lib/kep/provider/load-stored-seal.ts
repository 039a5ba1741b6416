import "server-only";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import type { Ctx } from "@/lib/context";
import { binaryToBytes } from "../bytes";
import { openKeyFile, signDetached } from "../browser";
import { issueCertificate } from "./issue-certificate";
import { privateKeyToPem } from "./provider-store";

// A qualified electronic seal of an organization that the test КНЕДП issues to the portal's
// own parties (the portal's audit seal, the Ministry of Defence's seal on certificates): kept
// beside the provider's keys in public.ca_keys under its own id, issued on first use.

export type StoredSeal = {
  /** Detached CAdES-BES over `content` (lib/kep/browser's signDetached). */
  sign(content: Uint8Array, signingTime?: Date): Uint8Array;
  serial: string;
  certificateDer: Uint8Array;
};

export type SealSubject = { rnokpp: string; edrpou: string; fullName: string; organization: string; title: string };

/**
 * The seal stored under `id`, issued to `subject` on first use. `ctx.db` must be able to open a
 * transaction the first time (a client, or a transaction with the provider in place).
 */
export async function loadStoredSeal(
  ctx: Ctx<"db" | "now">,
  input: { id: string; subject: SealSubject },
): Promise<StoredSeal> {
  const existing = await ctx.db.caKey.findUnique({ where: { id: input.id }, select: { certPem: true, keyPem: true } });
  if (existing) return sealFrom(existing);
  const password = randomBytes(18).toString("base64url");
  const issued = await issueCertificate(ctx, { ...input.subject, password });
  const opened = openKeyFile(issued.p12, password);
  const row = { certPem: forge.pki.certificateToPem(opened.certificate), keyPem: privateKeyToPem(opened.privateKey) };
  // Two first users at once: the first row wins, the other certificate stays unused.
  await ctx.db.caKey.createMany({ data: [{ id: input.id, ...row }], skipDuplicates: true });
  return sealFrom(
    await ctx.db.caKey.findUniqueOrThrow({ where: { id: input.id }, select: { certPem: true, keyPem: true } }),
  );
}

function sealFrom(row: { certPem: string; keyPem: string }): StoredSeal {
  const certificate = forge.pki.certificateFromPem(row.certPem);
  const privateKey = forge.pki.privateKeyFromPem(row.keyPem) as forge.pki.rsa.PrivateKey;
  return {
    sign: (content, signingTime) => signDetached({ privateKey, certificate }, content, { signingTime }),
    serial: certificate.serialNumber,
    certificateDer: binaryToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes()),
  };
}
