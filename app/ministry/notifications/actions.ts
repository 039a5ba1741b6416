"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { db } from "@/lib/db/client";
import { markNotificationsRead } from "@/lib/notifications";
import { z } from "@/lib/zod";

export const markMinistryNotificationsReadAction = ministryAction(z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict(), async (input, actor) => ({
  marked: await markNotificationsRead(db, { rnokpp: actor.rnokpp ?? "", audience: "ministry", ids: input.ids, now: new Date() }),
}));
