import "server-only";
import type { Ctx } from "@/lib/context";
import { kyivDate } from "@/lib/format";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";
import { noticeNumber } from "./notice-number";

/**
 * What anyone holding the QR code of a notice learns (/verify/notice/<code>): whether the notice
 * is valid, withdrawn or unknown, its number, kind, ТЦК and the date to appear — the addressee
 * only by initials, never the РНОКПП. A notice not yet signed by the head is not a notice: it
 * gets the same answer as an unknown code, as does a malformed one. The caller rate-limits.
 */
export type NoticeVerdict =
  | { status: "UNKNOWN" }
  | {
      status: "VALID" | "WITHDRAWN";
      number: string;
      kind: string;
      tcc: string;
      appearOn: string;
      formedOn: string;
      initials: string;
      reasonText: string | null;
    };

const CODE_FORMAT = /^[A-Za-z0-9_-]{22}$/;

export async function verifyNotice(ctx: Ctx<"db">, input: { code: string }): Promise<NoticeVerdict> {
  if (typeof input.code !== "string" || !CODE_FORMAT.test(input.code)) return { status: "UNKNOWN" };
  const row = await ctx.db.notice.findUnique({
    where: { code: input.code },
    select: {
      seq: true,
      createdAt: true,
      kind: true,
      tcc: true,
      appearAt: true,
      fullName: true,
      status: true,
      statusAt: true,
      batch: { select: { signedAt: true } },
    },
  });
  if (!row || !row.batch.signedAt || row.status === "FORMED") return { status: "UNKNOWN" };
  const withdrawn = row.status === "WITHDRAWN";
  return {
    status: withdrawn ? "WITHDRAWN" : "VALID",
    number: noticeNumber(row.seq, row.createdAt),
    kind: NOTICE_KIND_LABELS[row.kind],
    tcc: row.tcc,
    appearOn: kyivDate(row.appearAt),
    formedOn: kyivDate(row.createdAt),
    initials: initialsOfFullName(row.fullName),
    // The reason names the employer or the deferment's ground: personal data, so not shown here.
    reasonText: withdrawn
      ? `Повістку відкликано ${kyivDate(row.statusAt).split("-").reverse().join(".")}. Являтися за нею не потрібно.`
      : null,
  };
}

/** «Шевчук Олександр Романович» → «Ш. О. Р.». */
export function initialsOfFullName(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part.charAt(0)}.`)
    .join(" ");
}
