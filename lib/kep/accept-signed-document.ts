import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { Prisma, type SignedDocumentKind } from "@/lib/db/client";
import { kepError } from "./errors";
import { consumeNonce } from "./nonce/consume-nonce";
import type { SignerIdentity } from "./verify/verify-detached-signature";
import { verifySignature } from "./verify/verify-signature";

// Verification steps 1–8 for a signed document, then the document itself, in the caller's
// transaction: the application or decision it belongs to is written in the same one, so a
// refusal at any step leaves nothing behind.

export type AcceptSignedDocumentInput = {
  kind: SignedDocumentKind;
  /** The canonical bytes the server rebuilt from what was submitted. */
  content: Uint8Array;
  /** The detached .p7s as uploaded. */
  signature: Uint8Array;
  /** The enterprise the document concerns. */
  edrpou?: string;
  /** The authority the document concerns (ministry decisions). */
  authorityId?: string;
  /** Step 7: who may sign this (assertSignerIsEnterpriseHead / assertSignerIsOfficial). */
  authorize?: (signer: SignerIdentity) => void | Promise<void>;
  /** A server nonce inside the content, consumed here so that it signs one document only. */
  nonce?: { value: string; purpose: string };
};

export type AcceptedSignedDocument = { id: string; signer: SignerIdentity; signatureSha256: string; contentSha256: string };

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function acceptSignedDocument(ctx: Ctx<"db" | "now">, input: AcceptSignedDocumentInput): Promise<AcceptedSignedDocument> {
  const { db: tx, now } = ctx;
  const { certificateDer, issuerName: _issuer, ...signer } = await verifySignature({ db: tx, now }, { signature: input.signature, content: input.content });
  await input.authorize?.(signer);
  // A signed document references the test provider's record of its certificate; a certificate
  // of an imported provider (accepted at login) has none yet: refused clearly, nothing written.
  const recorded = await tx.certificate.findUnique({ where: { serial: signer.certificateSerial }, select: { der: true } });
  if (!recorded || Buffer.compare(Buffer.from(recorded.der), Buffer.from(certificateDer)) !== 0) {
    throw kepError("SIGNED_DOCUMENT_PROVIDER_UNSUPPORTED");
  }

  const signatureSha256 = sha256Hex(input.signature);
  const seen = await tx.signedDocument.findUnique({ where: { signatureSha256 }, select: { id: true } });
  if (seen) throw kepError("SIGNATURE_REPLAYED");
  if (input.nonce) await consumeNonce({ db: tx, now }, { value: input.nonce.value, purpose: input.nonce.purpose });

  const contentSha256 = sha256Hex(input.content);
  try {
    const document = await tx.signedDocument.create({
      data: {
        kind: input.kind,
        content: Uint8Array.from(input.content),
        contentSha256,
        signature: Uint8Array.from(input.signature),
        signatureSha256,
        signerRnokpp: signer.rnokpp,
        signerName: signer.fullName,
        signerEdrpou: signer.edrpou ?? null,
        certificateSerial: signer.certificateSerial,
        signingTime: signer.signingTime,
        verifiedAt: now,
        edrpou: input.edrpou ?? null,
        authorityId: input.authorityId ?? null,
      },
      select: { id: true },
    });
    return { id: document.id, signer, signatureSha256, contentSha256 };
  } catch (error) {
    // The same signature submitted twice at once: the unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw kepError("SIGNATURE_REPLAYED");
    throw error;
  }
}
