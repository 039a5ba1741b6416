import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Db, type DbTx } from "@/lib/db/client";
import type { AuditAction } from "./audit-actions";
import { auditRowHash, type ChainedFields } from "./chain";
import { currentRequestContext, type AuditRequestContext } from "./request-context";

// Records who did what, as the next link of the audit chain (see chain.ts). A writer reads the
// head, links its rows to it and claims the next number (`seq`, unique) in one insert, which
// waits for a rival's uncommitted claim and loses only when that commits — so concurrent writers
// can never fork the chain, a rolled-back act leaves no link, and writers wait for one another
// only from a claim to its commit (appendToChain).

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

/** pg_advisory_xact_lock key for linking rows written before the chain ("AUDIT" in ASCII). */
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
  // Outside a transaction: open one (linking rows written before the chain holds a lock to the commit).
  if (typeof (client as Partial<Db>).$transaction === "function") {
    await (client as Db).$transaction((tx) => appendToChain(tx, entries, context));
    return;
  }
  await appendToChain(client as DbTx, entries, context);
}

/**
 * Appends the rows after the chain's head without a lock: each attempt reads the head, links the
 * rows to it and claims the next number (`seq`, unique) with the first row; a writer that loses
 * the claim to another reads the new head and tries again. A claim waits for a rival's
 * uncommitted row of the same number and fails only if that row commits, so the line never
 * forks, and a rolled-back act leaves no link. Only the claiming insert and the commit stand
 * between writers: a lock held from reading the head to the commit cost every writer of the
 * country its holder's round trips, which a busy process stretches (the peak measured 75 s of
 * waiting for 390 acts in 60 s).
 */
async function appendToChain(
  tx: DbTx,
  entries: readonly AuditEntry[],
  context: AuditRequestContext | null,
): Promise<void> {
  let lost: bigint | undefined;
  for (let attempt = 1; ; attempt++) {
    let head = await readHead(tx);
    // A lost claim means a rival's row committed after the head, which the next statement of a
    // READ COMMITTED transaction sees. Under a fixed snapshot Postgres refuses the claim itself
    // (40001, tests/integration/audit-chain.test.ts); should the head ever stay put, say so
    // rather than try a thousand times.
    if (lost !== undefined && (head?.seq ?? 0n) <= lost)
      throw new Error(
        "журнал аудиту: запис можливий лише в транзакції READ COMMITTED (голова ланцюжка не оновлюється)",
      );
    if (head && head.hash === null) {
      // Rows written before the chain: linked once, by one writer at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
      head = await readHead(tx);
      if (head?.hash === null) head = { ...head, ...(await sealPendingRows(tx, head)) };
    }
    const rows = linkRows(entries, head as Head | null, context);
    if (await claim(tx, rows)) return;
    lost = head?.seq ?? 0n;
    if (attempt >= MAX_CLAIMS)
      throw new Error(
        `журнал аудиту: не вдалося дописати запис після ${MAX_CLAIMS} спроб (інші записи щоразу встигали раніше)`,
      );
  }
}

/** Attempts before giving up: each lost one means another act's row was committed meanwhile. */
const MAX_CLAIMS = 1_000;

type Head = { seq: bigint; hash: string; at: Date };

async function readHead(tx: DbTx): Promise<{ seq: bigint; hash: string | null; at: Date } | null> {
  return tx.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true, at: true } });
}

type LinkedRow = ChainedFields & { hash: string };

function linkRows(entries: readonly AuditEntry[], head: Head | null, context: AuditRequestContext | null): LinkedRow[] {
  // Time never runs backwards along the chain, whatever the clocks of concurrent writers say.
  const at = new Date(Math.max(Date.now(), head?.at.getTime() ?? 0));
  let prevHash = head?.hash ?? null;
  const first = (head?.seq ?? 0n) + 1n;
  return entries.map((entry, index) => {
    const request = entry.request === undefined ? context : entry.request;
    const fields: ChainedFields = {
      id: randomUUID(),
      seq: first + BigInt(index),
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
      prevHash,
    };
    const hash = auditRowHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
}

/**
 * Inserts the rows if their first number is still free, in one statement: the first row claims
 * it (waiting for a rival's uncommitted row of that number), the others follow only then — no
 * one else can hold the numbers after it, since they would have had to see it committed. The
 * column's sequence is moved along for anyone inserting by hand. False: the claim was lost.
 */
async function claim(tx: DbTx, rows: readonly LinkedRow[]): Promise<boolean> {
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
  const firstSeq = rows[0]!.seq.toString();
  const lastSeq = rows.at(-1)!.seq.toString();
  const [result] = await tx.$queryRaw<{ claimed: number }[]>`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS x(id uuid, seq bigint, at timestamptz, actor_rnokpp text,
        actor_role text, action text, entity_type text, entity_id text, edrpou text, authority_id uuid, details jsonb,
        signed_document_id uuid, ip text, user_agent text, request_id text, prev_hash text, hash text)
    ), first AS (
      ${INSERT_FROM_X}
      FROM x WHERE seq = ${firstSeq}::bigint
      ON CONFLICT (seq) DO NOTHING
      RETURNING seq
    ), rest AS (
      ${INSERT_FROM_X}
      FROM x WHERE seq > ${firstSeq}::bigint AND EXISTS (SELECT 1 FROM first)
      ORDER BY seq
    ), moved AS (
      SELECT setval(pg_get_serial_sequence('public.audit_log', 'seq'), ${lastSeq}::bigint) FROM first
      WHERE ${lastSeq}::bigint > coalesce(pg_sequence_last_value(pg_get_serial_sequence('public.audit_log', 'seq')::regclass), 0)
    )
    SELECT (SELECT count(*) FROM first)::int AS claimed, (SELECT count(*) FROM moved)::int AS moved`;
  return result!.claimed === 1;
}

/** The rows of the claim's `x` into the log (the first row and the rest are two inserts of it). */
const INSERT_FROM_X = Prisma.raw(`INSERT INTO audit_log (id, seq, at, "actorRnokpp", "actorRole", action, "entityType",
        "entityId", edrpou, "authorityId", details, "signedDocumentId", ip, "userAgent", "requestId", "prevHash", hash)
      SELECT id, seq, (at AT TIME ZONE 'UTC')::timestamp(3), actor_rnokpp, actor_role, action, entity_type, entity_id,
        edrpou, authority_id, details, signed_document_id, ip, user_agent, request_id, prev_hash, hash`);

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
 * first writer that finds an unsealed head. Returns the head's hash and time after that. Caller
 * holds the lock and read the head after taking it.
 */
async function sealPendingRows(tx: DbTx, head: { at: Date }): Promise<{ hash: string; at: Date }> {
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
