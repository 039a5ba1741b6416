"use server";

import { revalidatePath } from "next/cache";
import { centreAction } from "@/lib/actions/action-client";
import { decideBasicService } from "@/lib/centres/decide-basic-service";
import { markCentreVisit } from "@/lib/centres/mark-centre-visit";
import { ZBasicServiceDecision, ZMarkCentreVisit } from "@/lib/centres/schemas";
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

export const markCentreVisitAction = centreAction(ZMarkCentreVisit, async (input, actor) => {
  const marked = await markCentreVisit(createCtx({ actor, now: new Date() }), input);
  revalidatePath("/centre");
  return marked;
});
