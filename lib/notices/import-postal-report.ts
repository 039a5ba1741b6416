import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { z } from "@/lib/zod";
import { NOTICE_STATUS_LABELS, type NoticeStatusCode } from "./labels";
import { noticeNumber } from "./notice-number";
import { notifyNoticesSent } from "./notify-notices-sent";
import { parsePostalReport, POSTAL_REPORT_MAX_BYTES, type PostalProblem, type PostalStatus } from "./postal-report";

// The post's CSV report, checked row by row against this ТЦК's notices: a «прийнято» row binds a
// tracking number to a signed notice (→ SENT), the other rows find the letter by its tracking
// number (SENT → DELIVERED / REFUSED / RETURNED). Preview (apply: false) lists what would change
// and every problem with its line; applying refuses the whole file while any problem remains
// and writes every row, and one audit row, in one transaction — nothing partial.

export const ZImportPostalReport = z.object({
  csv: z.string().min(1, "Завантажте файл звіту пошти").max(POSTAL_REPORT_MAX_BYTES, "Файл завеликий: не більше 1 МБ"),
  apply: z.boolean(),
});

export type PostalChange = {
  line: number;
  noticeId: string;
  number: string;
  fullName: string;
  tracking: string;
  from: NoticeStatusCode;
  to: PostalStatus;
  date: string;
};
export type PostalReportResult = { changes: PostalChange[]; problems: PostalProblem[]; applied: boolean };

type Row = {
  id: string;
  seq: bigint;
  createdAt: Date;
  fullName: string;
  status: NoticeStatusCode;
  trackingNumber: string | null;
  tcc: string;
  signedAt: Date | null;
};

const NEXT: Record<PostalStatus, readonly NoticeStatusCode[]> = {
  SENT: ["SIGNED"],
  DELIVERED: ["SENT"],
  REFUSED: ["SENT"],
  RETURNED: ["SENT"],
};

export async function importPostalReport(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<PostalReportResult> {
  const data = parseInput(ZImportPostalReport, input);
  return inTransaction(ctx.db, async (tx) => {
    const { actor, tcc } = await loadActingTcc({ ...ctx, db: tx }, "notices.deliver");
    const { rows, problems } = parsePostalReport(data.csv);
    const seqs = rows.flatMap((r) => (r.notice ? [BigInt(r.notice.split("/")[1]!)] : []));
    const trackings = rows.map((r) => r.tracking);
    // Locked: a reservation withdrawing the same notice waits for this file, or this file sees it withdrawn.
    const found = await tx.$queryRaw<Row[]>`
      SELECT n.id, n.seq, n."createdAt", n."fullName", n.status::text AS status, n."trackingNumber", n.tcc, b."signedAt"
      FROM public.notices n JOIN public.notice_batches b ON b.id = n."batchId"
      WHERE n.seq = ANY(${seqs}::bigint[]) OR n."trackingNumber" = ANY(${trackings}::text[])
      ORDER BY n.id
      FOR UPDATE OF n`;
    const bySeq = new Map(found.filter((n) => n.tcc === tcc.name).map((n) => [noticeNumber(n.seq, n.createdAt), n]));
    const byTracking = new Map(found.filter((n) => n.trackingNumber).map((n) => [n.trackingNumber!, n]));
    const today = kyivDate(ctx.now);

    const changes: PostalChange[] = [];
    for (const row of rows) {
      const problem = (message: string) => problems.push({ line: row.line, message });
      const holder = byTracking.get(row.tracking);
      let notice: Row | undefined;
      if (row.status === "SENT") {
        notice = bySeq.get(row.notice!);
        if (!notice) {
          problem(`Повістку ${row.notice} не знайдено серед повісток цього ТЦК та СП`);
          continue;
        }
        if (holder && holder.id !== notice.id) {
          problem(`Трек-номер ${row.tracking} уже використано для іншого відправлення`);
          continue;
        }
      } else {
        notice = holder && holder.tcc === tcc.name ? holder : undefined;
        if (!notice) {
          problem(`Невідомий трек-номер ${row.tracking}: відправлення з таким номером цей ТЦК та СП не надсилав`);
          continue;
        }
        if (row.notice && row.notice !== noticeNumber(notice.seq, notice.createdAt)) {
          problem(
            `Трек-номер ${row.tracking} належить повістці ${noticeNumber(notice.seq, notice.createdAt)}, а не ${row.notice}`,
          );
          continue;
        }
      }
      if (!NEXT[row.status].includes(notice.status)) {
        problem(
          `Повістка ${noticeNumber(notice.seq, notice.createdAt)} має стан «${NOTICE_STATUS_LABELS[notice.status]}»: стан «${NOTICE_STATUS_LABELS[row.status]}» неможливий`,
        );
        continue;
      }
      if (row.date > today) {
        problem(`Дата ${row.date.split("-").reverse().join(".")} ще не настала`);
        continue;
      }
      if (notice.signedAt && row.date < kyivDate(notice.signedAt)) {
        problem(`Дата ${row.date.split("-").reverse().join(".")} раніша за підписання повістки`);
        continue;
      }
      changes.push({
        line: row.line,
        noticeId: notice.id,
        number: noticeNumber(notice.seq, notice.createdAt),
        fullName: notice.fullName,
        tracking: row.tracking,
        from: notice.status,
        to: row.status,
        date: row.date,
      });
    }
    problems.sort((a, b) => a.line - b.line);

    if (!data.apply) return { changes, problems, applied: false };
    if (problems.length > 0) {
      throw new AppError(
        "NOTICE_CSV_INVALID",
        `У звіті пошти є помилки (${problems.length}): жодного рядка не записано`,
        { details: { problems } },
      );
    }
    await applyChanges(tx, changes, ctx.now);
    // The opt-in message «ТЦК надіслав вам повістку поштою», in this transaction: a refused file tells nobody.
    await notifyNoticesSent(
      { db: tx, now: ctx.now },
      { noticeIds: changes.filter((c) => c.to === "SENT").map((c) => c.noticeId) },
    );
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "notice.delivery",
      entityType: "tcc",
      entityId: tcc.edrpou,
      // The post's dates per letter live here (statusAt is when the portal learnt it).
      details: {
        tcc: tcc.name,
        rows: changes.length,
        byStatus: countBy(changes.map((c) => c.to)),
        letters: changes.map((c) => ({ number: c.number, tracking: c.tracking, status: c.to, date: c.date })),
      },
    });
    return { changes, problems: [], applied: true };
  });
}

async function applyChanges(tx: DbTx, changes: readonly PostalChange[], now: Date): Promise<void> {
  for (const change of changes) {
    await tx.notice.update({
      where: { id: change.noticeId },
      data: { status: change.to, statusAt: now, ...(change.to === "SENT" ? { trackingNumber: change.tracking } : {}) },
    });
  }
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
