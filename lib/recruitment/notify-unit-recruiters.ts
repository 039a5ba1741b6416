import "server-only";
import type { DbTx } from "@/lib/db/client";
import { notify, type NewNotification } from "@/lib/notifications";

/** Tells every current recruiter of a unit (in their cabinet; no e-mail: they work in it daily). */
export async function notifyUnitRecruiters(
  tx: DbTx,
  unitId: string,
  message: Pick<NewNotification, "kind" | "title" | "body" | "link">,
) {
  const recruiters = await tx.membership.findMany({
    where: { unitId, role: "RECRUITER", revokedAt: null, user: { rnokpp: { not: null }, disabledAt: null } },
    select: { user: { select: { rnokpp: true } } },
  });
  const rnokpps = [...new Set(recruiters.map((m) => m.user.rnokpp).filter((r): r is string => !!r))];
  await notify(
    tx,
    rnokpps.map((recipientRnokpp) => ({ ...message, recipientRnokpp, audience: "unit" as const, email: false })),
  );
}
