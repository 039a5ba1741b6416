import "server-only";
import type { DbTx } from "@/lib/db/client";
import { notify, type NewNotification } from "@/lib/notifications";

/** Tells every current recruiter of a centre, in their cabinet (no e-mail: they work in it daily). */
export async function notifyCentreRecruiters(
  tx: DbTx,
  centreId: string,
  message: Pick<NewNotification, "kind" | "title" | "body" | "link">,
) {
  const recruiters = await tx.membership.findMany({
    where: { centreId, role: "CENTRE_RECRUITER", revokedAt: null, user: { rnokpp: { not: null }, disabledAt: null } },
    select: { user: { select: { rnokpp: true } } },
  });
  const rnokpps = [...new Set(recruiters.map((m) => m.user.rnokpp).filter((r): r is string => !!r))];
  await notify(
    tx,
    rnokpps.map((recipientRnokpp) => ({ ...message, recipientRnokpp, audience: "centre" as const, email: false })),
  );
}
