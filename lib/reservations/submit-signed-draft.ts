import "server-only";
import { createHash } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma, type ApplicationKind, type ApplicationStatus } from "@/lib/db/client";
import { inTransaction, type DbClient } from "@/lib/db/transaction";
import { isAppError } from "@/lib/errors";
import { kopiykasToDecimal, kyivDate } from "@/lib/format";
import { acceptSignedDocument, signatureBytes } from "@/lib/kep/accept-signed-document";
import { z } from "@/lib/zod";
import { assertAnnulmentSpacing } from "./assert-annulment-spacing";
import { insertApplicationItems } from "./bulk-inserts";
import { DRAFT_NONCE_PURPOSE } from "./constants";
import { parseDraftPayload } from "./draft-payload";
import { enqueueDecision } from "./enqueue-decision";
import { reservationError } from "./errors";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";

// Step two, shared by applications and annulments: the head's detached signature over the
// draft's stored bytes is verified (КЕП steps 1–8, the draft's nonce consumed), and the signed
// document, the application with its items in the listed order and an audit row are written
// in one transaction. The worker is asked to decide only after the commit.
// Idempotent: the same signature for the same draft returns the application it created; a
// different signature for a submitted draft is refused with that application's id.

export type SubmitSignedDraftInput = {
  draftId: string;
  /** The detached CMS signature (.p7s, DER) over the draft's document. */
  signature: Uint8Array;
};

export type SubmitCtx = Ctx<"actor" | "db" | "now">;

export type SubmittedApplication = {
  applicationId: string;
  status: ApplicationStatus;
  /** True when this exact signature had already been submitted: nothing new was written. */
  repeated: boolean;
};

const ZDraftId = z.string().uuid();
const SIGNED_KIND = { RESERVATION: "RESERVATION_APPLICATION", ANNULMENT: "ANNULMENT_APPLICATION" } as const;
const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function submitSignedDraft(
  ctx: SubmitCtx,
  options: SubmitSignedDraftInput & { kind: ApplicationKind },
): Promise<SubmittedApplication> {
  const { actor, db, now } = ctx;
  const { kind } = options;
  assertCan(actor, kind === "RESERVATION" ? "applications.sign" : "annulments.sign");
  signatureBytes(options.signature);
  if (!ZDraftId.safeParse(options.draftId).success || !actor.edrpou) throw reservationError("DRAFT_NOT_FOUND");

  const draft = await db.draft.findFirst({
    where: { id: options.draftId, kind, edrpou: actor.edrpou },
    select: {
      id: true,
      edrpou: true,
      document: true,
      nonce: true,
      payload: true,
      expiresAt: true,
      createdByRnokpp: true,
    },
  });
  if (!draft) throw reservationError("DRAFT_NOT_FOUND");
  const { enterprise } = await resolveEnterpriseAccess(ctx, {
    edrpou: draft.edrpou,
    permission: kind === "RESERVATION" ? "applications.sign" : "annulments.sign",
  });
  const signatureSha256 = sha256Hex(options.signature);

  const earlier = await existingSubmission(db, draft.id, signatureSha256);
  if (earlier) return earlier;
  if (draft.expiresAt <= now)
    throw reservationError("DRAFT_STALE", undefined, { expiresAt: draft.expiresAt.toISOString() });

  const payload = parseDraftPayload(kind, draft.payload);
  let application: { id: string; status: ApplicationStatus };
  try {
    application = await inTransaction(
      db,
      async (tx) => {
        if (kind === "ANNULMENT")
          await assertAnnulmentSpacing({ db: tx }, { edrpou: draft.edrpou, date: kyivDate(now), lock: true });
        const accepted = await acceptSignedDocument(
          { db: tx, now },
          {
            kind: SIGNED_KIND[kind],
            content: draft.document,
            signature: options.signature,
            edrpou: draft.edrpou,
            // The head signs; an authorized person prepares. A key issued for another ЄДРПОУ does not do.
            signer: { role: "ENTERPRISE_HEAD", enterprise },
            nonce: { value: draft.nonce, purpose: DRAFT_NONCE_PURPOSE[kind] },
          },
        );
        const created = await tx.application.create({
          data: {
            kind,
            edrpou: draft.edrpou,
            draftId: draft.id,
            signedDocumentId: accepted.id,
            decisionId: payload.kind === "RESERVATION" ? payload.decisionId : null,
            ground: payload.kind === "ANNULMENT" ? payload.ground : null,
            signerRnokpp: accepted.signer.rnokpp,
            signerName: accepted.signer.fullName,
            preparedByRnokpp: draft.createdByRnokpp,
            submittedAt: now,
          },
          select: { id: true, status: true },
        });
        await insertApplicationItems(
          tx,
          created.id,
          payload.employees.map((e, index) => ({
            position: index + 1,
            rnokpp: e.rnokpp,
            fullName: e.fullName ?? "",
            salary: "salary" in e && e.salary != null ? kopiykasToDecimal(e.salary) : null,
          })),
        );
        await writeAudit(tx, {
          actor: { rnokpp: actor.rnokpp, role: actor.role },
          action: kind === "RESERVATION" ? "application.submit" : "annulment.submit",
          entityType: "Application",
          entityId: created.id,
          edrpou: draft.edrpou,
          signedDocumentId: accepted.id,
          details: {
            draftId: draft.id,
            employees: payload.employees.length,
            via: actor.via,
            ...(payload.kind === "ANNULMENT" ? { ground: payload.ground } : {}),
          },
        });
        return created;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // A twin submission committed first (its nonce, signature or draft is taken): answer as it did.
    if (isLostRace(error)) {
      const twin = await existingSubmission(db, draft.id, signatureSha256);
      if (twin) return twin;
    }
    throw error;
  }

  await enqueueDecision({ db }, { applicationId: application.id });
  return { applicationId: application.id, status: application.status, repeated: false };
}

async function existingSubmission(
  db: DbClient,
  draftId: string,
  signatureSha256: string,
): Promise<SubmittedApplication | null> {
  const application = await db.application.findUnique({
    where: { draftId },
    select: { id: true, status: true, signedDocument: { select: { signatureSha256: true } } },
  });
  if (!application) return null;
  if (application.signedDocument.signatureSha256 !== signatureSha256) {
    throw reservationError("DRAFT_ALREADY_SUBMITTED", undefined, { applicationId: application.id });
  }
  return { applicationId: application.id, status: application.status, repeated: true };
}

function isLostRace(error: unknown): boolean {
  if (isAppError(error)) return error.code === "NONCE_USED" || error.code === "SIGNATURE_REPLAYED";
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
