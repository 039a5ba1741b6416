import "server-only";
import { writeAuditMany } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { notify, type NewNotification } from "@/lib/notifications";
import { lockForProtection } from "./notice-lock";
import { noticeNumber } from "./notice-number";

// Reservation wins, afterwards too: when a person is reserved (or given a deferment), every
// mobilisation notice to them that has not been delivered is withdrawn — in the transaction that
// grants the protection, so the two are committed together or not at all. The person and the
// ТЦК are told why. Called by the reservation decision and by granting a deferment.

/** Not yet delivered: formed, signed, sent, or returned by the post. */
const UNDELIVERED = ["FORMED", "SIGNED", "SENT", "RETURNED"] as const;

export type ProtectionCause = { kind: "RESERVED"; enterpriseName: string } | { kind: "DEFERRED"; ground: string };

function reasonOf(cause: ProtectionCause): string {
  return cause.kind === "RESERVED"
    ? `Особу заброньовано (${cause.enterpriseName})`
    : `Особі надано відстрочку (${cause.ground})`;
}

export async function withdrawNoticesOnProtection(
  ctx: { db: DbTx } & Ctx<"now">,
  input: { rnokpps: readonly string[]; cause: ProtectionCause },
): Promise<number> {
  const tx = ctx.db;
  if (input.rnokpps.length === 0) return 0;
  await lockForProtection(tx);
  const reason = reasonOf(input.cause);
  const withdrawn = await tx.$queryRaw<
    Array<{ id: string; seq: bigint; rnokpp: string; tcc: string; appearAt: Date; createdAt: Date }>
  >`
    UPDATE public.notices SET status = 'WITHDRAWN', "statusAt" = ${ctx.now}, "withdrawnReason" = ${reason},
      "withdrawnCause" = ${input.cause.kind}::"NoticeWithdrawalCause"
    WHERE rnokpp = ANY(string_to_array(${input.rnokpps.join(",")}, ',')::char(10)[])
      AND kind = 'MOBILISATION' AND status = ANY(${[...UNDELIVERED]}::"NoticeStatus"[])
    RETURNING id, seq, rnokpp, tcc, "appearAt", "createdAt"`;
  if (withdrawn.length === 0) return 0;

  const tccs = [...new Set(withdrawn.map((n) => n.tcc))];
  const staff = await tx.membership.findMany({
    where: {
      tcc: { in: tccs },
      role: { in: ["TCK_OFFICER", "TCK_HEAD"] },
      revokedAt: null,
      user: { disabledAt: null, rnokpp: { not: null } },
    },
    select: { tcc: true, user: { select: { rnokpp: true } } },
  });
  const notifications: NewNotification[] = [];
  for (const notice of withdrawn) {
    const number = noticeNumber(notice.seq, notice.createdAt);
    notifications.push({
      recipientRnokpp: notice.rnokpp,
      audience: "me",
      kind: "notice.withdrawn",
      title: `Повістку ${number} відкликано`,
      body: `Повістку ${number} на ${formatDateTime(notice.appearAt)} відкликано: ${reason.toLowerCase()}. З'являтися за нею не потрібно.`,
      link: "/me/notices",
    });
    for (const member of staff.filter((m) => m.tcc === notice.tcc)) {
      notifications.push({
        recipientRnokpp: member.user.rnokpp!,
        audience: "tck",
        kind: "notice.withdrawn",
        title: `Повістку ${number} відкликано автоматично`,
        body: `${reason}. Повістку на ${formatDateTime(notice.appearAt)} відкликано в момент надання захисту.`,
        link: "/tck/notices",
        email: false,
      });
    }
  }
  await notify(tx, notifications);
  await writeAuditMany(
    tx,
    withdrawn.map((notice) => ({
      actor: null,
      action: "notice.withdraw" as const,
      entityType: "notice",
      entityId: notice.id,
      details: { tcc: notice.tcc, reason, cause: input.cause.kind },
    })),
  );
  return withdrawn.length;
}
