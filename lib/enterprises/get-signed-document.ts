import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildVerificationReport } from "@/lib/kep/report";
import { loadActingAuthority } from "./acting-authority";

// A signed document of the acting authority, for download: the signature (.p7s), the exact
// bytes it covers, or the verification report. Documents are scoped by the authority they were
// accepted for; another authority's document is "not found".

export const DOCUMENT_FORMATS = ["p7s", "content", "report"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type DocumentFile = { body: Uint8Array; fileName: string; contentType: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getSignedDocument(options: { actor: Actor; documentId: string; format: DocumentFormat; now?: Date; db?: DbTx }): Promise<DocumentFile> {
  const client = options.db ?? defaultDb;
  const authority = await loadActingAuthority(client, options.actor, "decisions.read");
  if (!UUID.test(options.documentId)) throw AppError.notFound("Документ");
  const document = await client.signedDocument.findFirst({
    where: { id: options.documentId, authorityId: authority.id },
    select: { id: true, kind: true, content: true, signature: true },
  });
  if (!document) throw AppError.notFound("Документ");

  const stem = `${document.kind.toLowerCase().replaceAll("_", "-")}-${document.id}`;
  switch (options.format) {
    case "p7s":
      return { body: new Uint8Array(document.signature), fileName: `${stem}.json.p7s`, contentType: "application/pkcs7-signature" };
    case "content":
      return { body: new Uint8Array(document.content), fileName: `${stem}.json`, contentType: "application/json; charset=utf-8" };
    case "report": {
      const report = await buildVerificationReport(document.id, { db: client, now: options.now });
      return { body: new TextEncoder().encode(report.text), fileName: report.fileName, contentType: "text/plain; charset=utf-8" };
    }
  }
}
