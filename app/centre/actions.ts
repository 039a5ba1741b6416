"use server";

import { revalidatePath } from "next/cache";
import { centreAction } from "@/lib/actions/action-client";
import { decideBasicService } from "@/lib/centres/decide-basic-service";
import { ZBasicServiceDecision } from "@/lib/centres/schemas";
import { createCtx } from "@/lib/context-server";
import { markNotificationsRead } from "@/lib/notifications";
import { z } from "@/lib/zod";

export const decideBasicServiceAction = centreAction(ZBasicServiceDecision, async (input, actor) => {
  await decideBasicService(createCtx({ actor, now: new Date() }), input);
  revalidatePath("/centre/basic-service");
  return { decided: true };
});

export const markCentreNotificationsReadAction = centreAction(
  z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict(),
  async (input, actor) => ({
    marked: await markNotificationsRead(createCtx({ actor }), {
      rnokpp: actor.rnokpp ?? "",
      audience: "centre",
      ids: input.ids,
    }),
  }),
);
