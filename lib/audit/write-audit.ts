import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditEntry = {
  actor: { rnokpp: string | null; role?: string | null } | null;
  action: string;
  entityType: string;
  entityId: string;
  edrpou?: string | null;
  authorityId?: string | null;
  details?: Prisma.InputJsonValue;
  signedDocumentId?: string | null;
};

/** Records who did what. Call it inside the transaction of the change it records. */
export async function writeAudit(tx: DbTx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorRnokpp: entry.actor?.rnokpp ?? null,
      actorRole: entry.actor?.role ?? (entry.actor ? null : "SYSTEM"),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      edrpou: entry.edrpou ?? null,
      authorityId: entry.authorityId ?? null,
      details: entry.details,
      signedDocumentId: entry.signedDocumentId ?? null,
    },
  });
}

/**
 * Many rows at once (bulk annulments, imports), still in the caller's transaction. One
 * INSERT … SELECT FROM jsonb_to_recordset: thousands of rows cost one statement, where
 * Prisma's createMany would spend seconds.
 */
export async function writeAuditMany(tx: DbTx, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  const rows = JSON.stringify(
    entries.map((entry, ord) => ({
      actor_rnokpp: entry.actor?.rnokpp ?? null,
      actor_role: entry.actor?.role ?? (entry.actor ? null : "SYSTEM"),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      edrpou: entry.edrpou ?? null,
      authority_id: entry.authorityId ?? null,
      details: entry.details ?? null,
      signed_document_id: entry.signedDocumentId ?? null,
      ord,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO audit_log (id, "actorRnokpp", "actorRole", action, "entityType", "entityId", edrpou, "authorityId", details, "signedDocumentId")
    SELECT gen_random_uuid(), actor_rnokpp, actor_role, action, entity_type, entity_id, edrpou, authority_id, details, signed_document_id
    FROM jsonb_to_recordset(${rows}::jsonb) AS x(actor_rnokpp text, actor_role text, action text, entity_type text, entity_id text, edrpou text,
      authority_id uuid, details jsonb, signed_document_id uuid, ord int)
    ORDER BY ord`;
}
