import "server-only";
import type { Ctx } from "@/lib/context";
import { formatDateTime } from "@/lib/format";
import { auditRowHash } from "./chain";
import { AUDIT_ROW_SELECT } from "./write-audit";

// Walks the audit chain from its first row and stops at the first row that breaks it:
//   CHANGED  — its content no longer gives its hash (edited, or forged in place);
//   INSERTED — it sits between two rows that were linked to each other;
//   REMOVED  — the row it was linked to is gone;
//   UNSEALED — it carries no hash at all;
//   ANCHOR   — a sealed daily anchor names a head the chain no longer has.
// Reads in seq order, in batches, so a long log costs memory for one batch only.

export type AuditBreak = {
  kind: "CHANGED" | "INSERTED" | "REMOVED" | "UNSEALED" | "ANCHOR";
  id: string | null;
  seq: string | null;
  at: Date | null;
  message: string;
};

export type AuditChainReport =
  { ok: true; rows: number; anchors: number } | { ok: false; rows: number; anchors: number; break: AuditBreak };

const BATCH = 2_000;

type Link = { id: string; seq: bigint; at: Date; hash: string | null; prevHash: string | null };

function describe(kind: AuditBreak["kind"], row: Link): AuditBreak {
  const when = formatDateTime(row.at);
  const messages: Record<AuditBreak["kind"], string> = {
    CHANGED: `Запис ${row.id} (№ ${row.seq}, ${when}) змінено: його вміст не відповідає геш-сумі`,
    INSERTED: `Запис ${row.id} (№ ${row.seq}, ${when}) вставлено в журнал поза ланцюжком`,
    REMOVED: `Перед записом ${row.id} (№ ${row.seq}, ${when}) видалено запис журналу`,
    UNSEALED: `Запис ${row.id} (№ ${row.seq}, ${when}) не має геш-суми`,
    ANCHOR: `Запис ${row.id} (№ ${row.seq}, ${when}) не збігається з підписаною щоденною печаткою`,
  };
  return { kind, id: row.id, seq: row.seq.toString(), at: row.at, message: messages[kind] };
}

export async function verifyAuditChain(ctx: Ctx<"db">): Promise<AuditChainReport> {
  const client = ctx.db;
  const anchors = await client.auditAnchor.findMany({
    orderBy: { seq: "asc" },
    select: { seq: true, hash: true, day: true },
  });
  const anchorAt = new Map(anchors.map((a) => [a.seq, a]));
  let rows = 0;
  let before: Link | null = null; // the row before `previous`
  let previous: Link | null = null;
  let after: bigint | null = null;
  const fail = (b: AuditBreak): AuditChainReport => ({ ok: false, rows, anchors: anchors.length, break: b });

  for (;;) {
    const batch: Link[] & Parameters<typeof auditRowHash>[0][] = await client.auditLog.findMany({
      where: after === null ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: AUDIT_ROW_SELECT,
    });
    for (const row of batch) {
      rows += 1;
      if (row.hash === null) return fail(describe("UNSEALED", row));
      if (auditRowHash(row) !== row.hash) return fail(describe("CHANGED", row));
      const expected = previous?.hash ?? null;
      if (row.prevHash !== expected) {
        // Linked to the row two back: the one in between was slipped in.
        if (previous && row.prevHash !== null && row.prevHash === (before?.hash ?? null))
          return fail(describe("INSERTED", previous));
        return fail(describe("REMOVED", row));
      }
      const anchor = anchorAt.get(row.seq);
      if (anchor) {
        if (anchor.hash !== row.hash) return fail(describe("ANCHOR", row));
        anchorAt.delete(row.seq);
      }
      before = previous;
      previous = row;
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.seq;
  }
  // An anchored row that no longer exists: the chain was cut back past a sealed day.
  const missing = [...anchorAt.values()][0];
  if (missing) {
    return fail({
      kind: "ANCHOR",
      id: null,
      seq: missing.seq.toString(),
      at: null,
      message: `Запис № ${missing.seq}, яким закінчувався підписаний день ${missing.day.toISOString().slice(0, 10)}, відсутній у журналі`,
    });
  }
  return { ok: true, rows, anchors: anchors.length };
}
