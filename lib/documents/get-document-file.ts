import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import type { SignedDocumentKind } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildVerificationReport } from "@/lib/kep/report";
import { z } from "@/lib/zod";
import { readableDocumentConditions } from "./readable-documents";

// A signed document as a file to download: the detached signature (.p7s), the exact bytes it
// covers (canonical JSON), or the human-readable verification report, checked again now.
// A document the actor may not read, or that does not exist, is "not found" alike.

export const DOCUMENT_PARTS = ["signature", "content", "report"] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

export const ZDocumentFileRequest = z.object({ documentId: z.uuid(), part: z.enum(DOCUMENT_PARTS) });

export type DocumentFile = { body: Uint8Array; fileName: string; contentType: string };

const FILE_STEMS: Record<SignedDocumentKind, string> = {
  RESERVATION_APPLICATION: "zaiava-bronyuvannia",
  ANNULMENT_APPLICATION: "zaiava-anuliuvannia",
  CRITICAL_DECISION: "rishennia-krytychnist",
  DECISION_CHANGE: "zmina-rishennia",
  DECISION_IMPORT: "import-rishen",
  NOTICE_BATCH: "povistky-tck",
  RULESET_VERSION: "versiia-pravyl",
  AUTHORIZATION: "upovnovazhennia",
  CERTIFICATE_DECISION: "rishennia-dovidka",
  SERVICE_PERIOD_CORRECTION: "vypravlennia-periodu-sluzhby",
  OTHER: "dokument",
};

export async function getDocumentFile(
  ctx: Ctx<"db" | "now"> & { actor: Actor | null },
  input: { documentId: string; part: string },
): Promise<DocumentFile> {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  const parsed = ZDocumentFileRequest.safeParse({ documentId: input.documentId, part: input.part });
  if (!parsed.success) throw AppError.notFound("Документ");
  const { documentId, part } = parsed.data;
  const conditions = readableDocumentConditions(ctx.actor);
  if (conditions.length === 0) throw AppError.notFound("Документ");

  const client = ctx.db;
  const document = await client.signedDocument.findFirst({
    where: { id: documentId, OR: conditions },
    select: {
      id: true,
      kind: true,
      ...(part === "signature" ? { signature: true } : {}),
      ...(part === "content" ? { content: true } : {}),
    },
  });
  if (!document) throw AppError.notFound("Документ");

  const stem = `${FILE_STEMS[document.kind]}-${document.id}`;
  switch (part) {
    case "signature":
      return {
        body: new Uint8Array(document.signature!),
        fileName: `${stem}.json.p7s`,
        contentType: "application/pkcs7-signature",
      };
    case "content":
      return {
        body: new Uint8Array(document.content!),
        fileName: `${stem}.json`,
        contentType: "application/json; charset=utf-8",
      };
    case "report": {
      const report = await buildVerificationReport({ db: client, now: ctx.now }, document.id);
      return {
        body: new TextEncoder().encode(report.text),
        fileName: report.fileName,
        contentType: "text/plain; charset=utf-8",
      };
    }
  }
}
