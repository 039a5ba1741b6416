"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { markNotificationsRead } from "@/lib/notifications";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

export const markMinistryNotificationsReadAction = ministryAction(
  z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict(),
  async (input, actor) => ({
    marked: await markNotificationsRead(createCtx({ actor }), {
      rnokpp: actor.rnokpp ?? "",
      audience: "ministry",
      ids: input.ids,
    }),
  }),
);
