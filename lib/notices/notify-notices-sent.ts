import "server-only";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { NOTICE_SENT_DISCLAIMER } from "@/lib/citizen/notice-view";
import { notify, type NewNotification } from "@/lib/notifications";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";
import { noticeNumber } from "./notice-number";

// The citizen's opt-in message (as Резерв+ sends it): when the ТЦК has sent a paper notice by
// post, a person who turned on «Повідомляти, коли ТЦК надішле повістку поштою» is told so, with
// the date, time and place — and told plainly that the message is not the notice and reading it
// is not delivery. Nobody who did not opt in gets it. Called in the transaction that marks the
// notices sent, so a rolled-back dispatch tells nobody.

export async function notifyNoticesSent(
  ctx: { db: DbTx } & Ctx<"now">,
  input: { noticeIds: readonly string[] },
): Promise<number> {
  if (input.noticeIds.length === 0) return 0;
  const sent = await ctx.db.notice.findMany({
    where: { id: { in: [...input.noticeIds] }, status: "SENT" },
    select: {
      seq: true,
      createdAt: true,
      rnokpp: true,
      tcc: true,
      kind: true,
      appearAt: true,
      place: true,
      trackingNumber: true,
    },
  });
  if (sent.length === 0) return 0;
  const optedIn = await ctx.db.citizenPreference.findMany({
    where: { rnokpp: { in: [...new Set(sent.map((n) => n.rnokpp))] }, noticeSentAlerts: true },
    select: { rnokpp: true },
  });
  const wants = new Set(optedIn.map((p) => p.rnokpp));
  const messages: NewNotification[] = sent
    .filter((n) => wants.has(n.rnokpp))
    .map((notice) => {
      const number = noticeNumber(notice.seq, notice.createdAt);
      const tracking = notice.trackingNumber ? ` (трекінг-номер ${notice.trackingNumber})` : "";
      return {
        recipientRnokpp: notice.rnokpp,
        audience: "me",
        kind: "notice.sent",
        title: "ТЦК надіслав вам повістку поштою",
        body: `${notice.tcc} надіслав вам рекомендованим листом${tracking} повістку ${number} — ${NOTICE_KIND_LABELS[notice.kind].toLowerCase()}: з'явитися ${formatDateTime(notice.appearAt)}, ${notice.place}. ${NOTICE_SENT_DISCLAIMER}`,
        link: "/me/notices",
      };
    });
  await notify(ctx.db, messages);
  return messages.length;
}
