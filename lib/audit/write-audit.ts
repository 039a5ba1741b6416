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

/** Many rows at once (bulk annulments, imports), still in the caller's transaction. */
export async function writeAuditMany(tx: DbTx, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      actorRnokpp: entry.actor?.rnokpp ?? null,
      actorRole: entry.actor?.role ?? (entry.actor ? null : "SYSTEM"),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      edrpou: entry.edrpou ?? null,
      authorityId: entry.authorityId ?? null,
      details: entry.details,
      signedDocumentId: entry.signedDocumentId ?? null,
    })),
  });
}
