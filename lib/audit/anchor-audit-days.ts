import "server-only";
import type { Ctx } from "@/lib/context";
import { kyivDate } from "@/lib/format";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import { addDays, isoDateToUtc } from "@/lib/rules/calendar";
import { loadPortalSeal } from "./portal-seal";

// Each finished Kyiv day's last audit row, sealed: {type, day, seq, hash} as RFC 8785 JSON,
// signed with the portal's seal and kept in audit_anchors (published at /api/audit/anchors).
// Idempotent; the worker runs it hourly and at start, so a day is anchored soon after midnight.

export const AUDIT_ANCHOR_TYPE = "bronya.audit-anchor";

export async function anchorAuditDays(ctx: Ctx<"db" | "now">): Promise<string[]> {
  const { db: client, now } = ctx;
  const today = kyivDate(now);
  const last = await client.auditAnchor.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  const first = await client.auditLog.findFirst({
    where: { hash: { not: null } },
    orderBy: { seq: "asc" },
    select: { at: true },
  });
  if (!first) return [];
  let day = last ? addDays(last.day.toISOString().slice(0, 10), 1) : kyivDate(first.at);
  const anchored: string[] = [];
  const seal = day < today ? await loadPortalSeal(ctx) : null;
  for (; day < today && seal; day = addDays(day, 1)) {
    const end = kyivMidnight(addDays(day, 1));
    const head = await client.auditLog.findFirst({
      where: { at: { lt: end }, hash: { not: null } },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    });
    if (!head) continue;
    const content = canonicalJsonBytes({ type: AUDIT_ANCHOR_TYPE, day, seq: head.seq.toString(), hash: head.hash! });
    const signature = seal.sign(content, now);
    await client.auditAnchor.createMany({
      data: [
        {
          day: isoDateToUtc(day),
          seq: head.seq,
          hash: head.hash!,
          content: Uint8Array.from(content),
          signature: Uint8Array.from(signature),
        },
      ],
      skipDuplicates: true,
    });
    anchored.push(day);
  }
  return anchored;
}

/** The instant a Kyiv day begins (00:00 Europe/Kyiv, daylight saving included). */
export function kyivMidnight(day: string): Date {
  const utcMidnight = isoDateToUtc(day);
  // Kyiv is UTC+2 or +3: try both offsets and take the one that is midnight there.
  for (const hours of [3, 2]) {
    const candidate = new Date(utcMidnight.getTime() - hours * 3_600_000);
    if (kyivDate(candidate) === day && kyivDate(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return utcMidnight;
}
