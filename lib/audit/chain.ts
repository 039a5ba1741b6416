import { createHash } from "node:crypto";
import { canonicalJsonBytes, type JsonValue } from "@/lib/kep/canonical-json";

// The audit chain's arithmetic, shared by the writer and the verifier: a row's hash is the
// SHA-256 of the RFC 8785 canonical JSON of everything it says — its previous row's hash
// included — so changing, inserting or removing a row breaks the link after it.

export type ChainedFields = {
  id: string;
  seq: bigint;
  at: Date;
  actorRnokpp: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  edrpou: string | null;
  authorityId: string | null;
  details: unknown;
  signedDocumentId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string | null;
};

/** The content a hash covers. `details` as JSON gives it back (what jsonb stores and returns). */
export function chainContent(row: ChainedFields): JsonValue {
  return {
    id: row.id,
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    actorRnokpp: row.actorRnokpp,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    edrpou: row.edrpou,
    authorityId: row.authorityId,
    details:
      row.details === undefined || row.details === null ? null : (JSON.parse(JSON.stringify(row.details)) as JsonValue),
    signedDocumentId: row.signedDocumentId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    prevHash: row.prevHash,
  };
}

export function auditRowHash(row: ChainedFields): string {
  return createHash("sha256")
    .update(canonicalJsonBytes(chainContent(row)))
    .digest("hex");
}
