import "server-only";
import { createHash } from "node:crypto";
import type { Ctx } from "@/lib/context";
import { Prisma, type SignedDocumentKind } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { kepError } from "./errors";
import { consumeNonce } from "./nonce/consume-nonce";
import { assertSignerIsEnterpriseHead, assertSignerIsOfficial } from "./verify/assert-signer";
import { MAX_SIGNATURE_BYTES } from "./verify/parse-signature";
import type { SignerIdentity } from "./verify/verify-detached-signature";
import { verifySignature } from "./verify/verify-signature";

// The one step that accepts a signed document — a head's application, annulment or
// authorization, an official's decision, a methodologist's ruleset: the detached signature is
// decoded and bounded, verified over the canonical bytes the server rebuilt (КЕП steps 1–6), the
// signer checked against the person the document needs (step 7), a replayed signature refused,
// the server's nonce consumed (step 8), and the signed document stored — all in the caller's
// transaction, so that the application or decision it belongs to is written in the same one
// and a refusal at any step leaves nothing behind.

/** Who must have signed (step 7). Officials and methodologists are looked up among the authority's active memberships. */
export type RequiredSigner =
  | { role: "ENTERPRISE_HEAD"; enterprise: { edrpou: string; headRnokpp: string | null } }
  | { role: "OFFICIAL" | "METHODOLOGIST"; authority: { id: string; edrpou: string } }
  /** The staff officer acting (their own key), holding an active membership of this unit. */
  | { role: "UNIT_STAFF_OFFICER"; unitId: string; rnokpp: string | null }
  | { role: "TCK_HEAD"; tcc: { name: string; edrpou: string } };

export type AcceptSignedDocumentInput = {
  kind: SignedDocumentKind;
  /** The canonical bytes the server rebuilt from what was submitted. */
  content: Uint8Array;
  /** The detached .p7s as uploaded: DER bytes, or their base64 as forms and the HR API send it. */
  signature: Uint8Array | string;
  /** The enterprise the document concerns. */
  edrpou?: string;
  /** The authority the document concerns (ministry decisions). */
  authorityId?: string;
  /** Step 7: who must have signed. Omitted only by fixtures that store documents directly. */
  signer?: RequiredSigner;
  /** A server nonce inside the content, consumed here so that it signs one document only. */
  nonce?: { value: string; purpose: string };
};

export type AcceptedSignedDocument = {
  id: string;
  signer: SignerIdentity;
  signatureSha256: string;
  contentSha256: string;
};

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The signature's bytes, refused when empty or larger than any real .p7s (before anything is parsed). */
export function signatureBytes(signature: Uint8Array | string): Uint8Array {
  const bytes = typeof signature === "string" ? Uint8Array.from(Buffer.from(signature, "base64")) : signature;
  if (bytes.byteLength === 0) throw kepError("SIGNATURE_MALFORMED");
  if (bytes.byteLength > MAX_SIGNATURE_BYTES) throw kepError("SIGNATURE_TOO_LARGE");
  return bytes;
}

export async function acceptSignedDocument(
  ctx: Ctx<"db" | "now">,
  input: AcceptSignedDocumentInput,
): Promise<AcceptedSignedDocument> {
  const { db: tx, now } = ctx;
  const signature = signatureBytes(input.signature);
  const { certificateDer, issuerName, ...signer } = await verifySignature(
    { db: tx, now },
    { signature, content: input.content },
  );
  if (input.signer) await assertRequiredSigner(ctx, signer, input.signer);
  // The signer is who the certificate's subject names (РНОКПП, ЄДРПОУ), whichever trusted
  // provider issued it. A certificate of the test КНЕДП is linked to its record (the very same
  // bytes, not only the serial: an imported provider's serial may repeat one of ours).
  const recorded = await tx.certificate.findUnique({
    where: { serial: signer.certificateSerial },
    select: { der: true },
  });
  const ownCertificate =
    recorded !== null && Buffer.compare(Buffer.from(recorded.der), Buffer.from(certificateDer)) === 0;

  const signatureSha256 = sha256Hex(signature);
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
        signature: Uint8Array.from(signature),
        signatureSha256,
        signerRnokpp: signer.rnokpp,
        signerName: signer.fullName,
        signerEdrpou: signer.edrpou ?? null,
        certificateSerial: signer.certificateSerial,
        certificateIssuer: issuerName,
        providerCertificateSerial: ownCertificate ? signer.certificateSerial : null,
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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw kepError("SIGNATURE_REPLAYED");
    throw error;
  }
}

async function assertRequiredSigner(ctx: Ctx<"db">, signer: SignerIdentity, required: RequiredSigner): Promise<void> {
  if (required.role === "ENTERPRISE_HEAD") return assertSignerIsEnterpriseHead(signer, required.enterprise);
  if (required.role === "UNIT_STAFF_OFFICER") {
    const officer = await ctx.db.membership.findFirst({
      where: {
        unitId: required.unitId,
        role: "UNIT_STAFF_OFFICER",
        revokedAt: null,
        user: { rnokpp: signer.rnokpp, disabledAt: null },
      },
      select: { id: true },
    });
    if (!officer || signer.rnokpp !== required.rnokpp)
      throw new AppError("SIGNER_NOT_STAFF_OFFICER", undefined, { details: { signerRnokpp: signer.rnokpp } });
    return;
  }
  if (required.role === "TCK_HEAD") {
    // Notices are signed by the head of that ТЦК, with a key issued for the ТЦК's ЄДРПОУ.
    const heads = await ctx.db.membership.count({
      where: {
        tcc: required.tcc.name,
        role: "TCK_HEAD",
        revokedAt: null,
        user: { rnokpp: signer.rnokpp, disabledAt: null },
      },
    });
    if (heads === 0) throw new AppError("SIGNER_NOT_TCK_HEAD");
    if (signer.edrpou !== required.tcc.edrpou)
      throw new AppError(
        "SIGNER_NOT_TCK_HEAD",
        `Сертифікат видано не для ${required.tcc.name} (ЄДРПОУ ${required.tcc.edrpou})`,
      );
    return;
  }
  const { authority } = required;
  const member = await ctx.db.membership.findFirst({
    where: {
      authorityId: authority.id,
      role: required.role,
      revokedAt: null,
      user: { rnokpp: signer.rnokpp, disabledAt: null },
    },
    select: { id: true },
  });
  if (required.role === "OFFICIAL")
    return assertSignerIsOfficial(signer, { edrpou: authority.edrpou, officialRnokpps: member ? [signer.rnokpp] : [] });
  if (!member) throw new AppError("SIGNER_NOT_METHODOLOGIST", undefined, { details: { signerRnokpp: signer.rnokpp } });
  if (signer.edrpou !== authority.edrpou)
    throw kepError("EDRPOU_MISMATCH", "Сертифікат видано не для Мінекономіки (ЄДРПОУ не збігається)", {
      expected: authority.edrpou,
      actual: signer.edrpou ?? null,
    });
}
