import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./audit-actions";
import { auditRowHash, type ChainedFields } from "./chain";
import { currentRequestContext, type AuditRequestContext } from "./request-context";

// Records who did what, as the next link of the audit chain (see chain.ts). The chain's head is
// serialized with a transaction-scoped advisory lock: a writer takes it, reads the head, links
// its rows and inserts them, and the lock is held until its transaction commits or rolls back —
// so concurrent writers can never fork the chain, and a rolled-back act leaves no link.

export type AuditEntry = {
  actor: { rnokpp: string | null; role?: string | null } | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  edrpou?: string | null;
  authorityId?: string | null;
  details?: Prisma.InputJsonValue;
  signedDocumentId?: string | null;
  /** Defaults to the current request's context (none in the worker). */
  request?: AuditRequestContext | null;
};

/** pg_advisory_xact_lock key of the chain's head ("AUDIT" in ASCII). */
export const AUDIT_CHAIN_LOCK = 0x4155444954;

type Client = DbTx | Db;

/** Call it inside the transaction of the change it records. */
export async function writeAudit(client: Client, entry: AuditEntry): Promise<void> {
  await writeAuditMany(client, [entry]);
}

/** Many rows at once (bulk annulments, imports), still in the caller's transaction: one INSERT. */
export async function writeAuditMany(client: Client, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const context = entries.some((e) => e.request === undefined) ? await currentRequestContext() : null;
  // Outside a transaction the lock would end with its own statement: open one.
  if (typeof (client as Partial<Db>).$transaction === "function") {
    await (client as Db).$transaction((tx) => appendToChain(tx, entries, context));
    return;
  }
  await appendToChain(client as DbTx, entries, context);
}

async function appendToChain(
  tx: DbTx,
  entries: readonly AuditEntry[],
  context: AuditRequestContext | null,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  let head = await sealPendingRows(tx);
  const seqs = await tx.$queryRaw<{ seq: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('public.audit_log', 'seq')) AS seq FROM generate_series(1, ${entries.length}::int)`;
  const ordered = seqs.map((s) => s.seq).sort((a, b) => (a < b ? -1 : 1));
  // Time never runs backwards along the chain, whatever the clocks of concurrent writers say.
  const at = new Date(Math.max(Date.now(), head?.at.getTime() ?? 0));

  const rows = entries.map((entry, index) => {
    const request = entry.request === undefined ? context : entry.request;
    const fields: ChainedFields = {
      id: randomUUID(),
      seq: ordered[index]!,
      at,
      actorRnokpp: entry.actor?.rnokpp ?? null,
      actorRole: entry.actor?.role ?? (entry.actor ? null : "SYSTEM"),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      edrpou: entry.edrpou ?? null,
      authorityId: entry.authorityId ?? null,
      details: entry.details ?? null,
      signedDocumentId: entry.signedDocumentId ?? null,
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ?? null,
      requestId: request?.requestId ?? null,
      prevHash: head?.hash ?? null,
    };
    const hash = auditRowHash(fields);
    head = { hash, at };
    return { ...fields, hash };
  });

  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      seq: r.seq.toString(),
      at: r.at.toISOString(),
      actor_rnokpp: r.actorRnokpp,
      actor_role: r.actorRole,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      edrpou: r.edrpou,
      authority_id: r.authorityId,
      details: r.details,
      signed_document_id: r.signedDocumentId,
      ip: r.ip,
      user_agent: r.userAgent,
      request_id: r.requestId,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO audit_log (id, seq, at, "actorRnokpp", "actorRole", action, "entityType", "entityId", edrpou, "authorityId", details,
      "signedDocumentId", ip, "userAgent", "requestId", "prevHash", hash)
    SELECT id, seq, (at AT TIME ZONE 'UTC')::timestamp(3), actor_rnokpp, actor_role, action, entity_type, entity_id, edrpou, authority_id, details,
      signed_document_id, ip, user_agent, request_id, prev_hash, hash
    FROM jsonb_to_recordset(${payload}::jsonb) AS x(id uuid, seq bigint, at timestamptz, actor_rnokpp text, actor_role text, action text,
      entity_type text, entity_id text, edrpou text, authority_id uuid, details jsonb, signed_document_id uuid, ip text, user_agent text,
      request_id text, prev_hash text, hash text)
    ORDER BY seq`;
}

const ROW_SELECT = {
  id: true,
  seq: true,
  at: true,
  actorRnokpp: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  edrpou: true,
  authorityId: true,
  details: true,
  signedDocumentId: true,
  ip: true,
  userAgent: true,
  requestId: true,
  prevHash: true,
  hash: true,
} as const;

/**
 * Rows written before the chain existed (or by the seed) are linked once, in order, by the
 * first writer that finds an unsealed head. Returns the head after that. Caller holds the lock.
 */
async function sealPendingRows(tx: DbTx): Promise<{ hash: string; at: Date } | null> {
  const head = await tx.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, at: true } });
  if (!head) return null;
  if (head.hash !== null) return { hash: head.hash, at: head.at };
  const pending = await tx.auditLog.findMany({ where: { hash: null }, orderBy: { seq: "asc" }, select: ROW_SELECT });
  const before = await tx.auditLog.findFirst({
    where: { seq: { lt: pending[0]!.seq } },
    orderBy: { seq: "desc" },
    select: { hash: true },
  });
  let prevHash = before?.hash ?? null;
  let at = head.at;
  for (const row of pending) {
    const hash = auditRowHash({ ...row, prevHash });
    await tx.auditLog.update({ where: { id: row.id }, data: { prevHash, hash } });
    prevHash = hash;
    at = row.at;
  }
  return { hash: prevHash!, at };
}

export { ROW_SELECT as AUDIT_ROW_SELECT };
