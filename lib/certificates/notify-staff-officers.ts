import "server-only";
import type { DbTx } from "@/lib/db/client";
import { notify, type NewNotification } from "@/lib/notifications";

/** Tells every current staff officer of a unit, in their cabinet (no e-mail: they work in it daily). */
export async function notifyStaffOfficers(
  tx: DbTx,
  unitId: string,
  message: Pick<NewNotification, "kind" | "title" | "body" | "link">,
) {
  const officers = await tx.membership.findMany({
    where: { unitId, role: "UNIT_STAFF_OFFICER", revokedAt: null, user: { rnokpp: { not: null }, disabledAt: null } },
    select: { user: { select: { rnokpp: true } } },
  });
  const rnokpps = [...new Set(officers.map((m) => m.user.rnokpp).filter((r): r is string => !!r))];
  await notify(
    tx,
    rnokpps.map((recipientRnokpp) => ({ ...message, recipientRnokpp, audience: "staff" as const, email: false })),
  );
}
