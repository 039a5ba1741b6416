import "server-only";
import type { Ctx } from "@/lib/context";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import type { NoticeStatusCode } from "./labels";
import { noticeNumber } from "./notice-number";

// Overdue appearances for the officer: notices of this ТЦК whose date to appear has passed —
// delivered ones (the person was duly notified; the appearance is for the ТЦК to check) and
// ones never delivered in time (signed, sent or returned: the notice lapsed, a new one is needed).
// Withdrawn and refused letters are not overdue. Newest appearance first, at most `limit`.

export type OverdueNotice = {
  id: string;
  batchId: string;
  number: string;
  fullName: string;
  rnokpp: string;
  appearAt: Date;
  status: NoticeStatusCode;
  delivered: boolean;
};

const OVERDUE_STATUSES: NoticeStatusCode[] = ["SIGNED", "SENT", "RETURNED", "DELIVERED"];

export async function listOverdueNotices(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { limit?: number } = {},
): Promise<OverdueNotice[]> {
  const { tcc } = await loadActingTcc(ctx, "notices.deliver");
  const rows = await ctx.db.notice.findMany({
    where: { tcc: tcc.name, status: { in: OVERDUE_STATUSES }, appearAt: { lt: ctx.now } },
    orderBy: [{ appearAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(input.limit ?? 200, 1), 500),
    select: {
      id: true,
      batchId: true,
      seq: true,
      createdAt: true,
      fullName: true,
      rnokpp: true,
      appearAt: true,
      status: true,
    },
  });
  return rows.map((n) => ({
    id: n.id,
    batchId: n.batchId,
    number: noticeNumber(n.seq, n.createdAt),
    fullName: n.fullName,
    rnokpp: n.rnokpp,
    appearAt: n.appearAt,
    status: n.status,
    delivered: n.status === "DELIVERED",
  }));
}
