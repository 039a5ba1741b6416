"use server";

import { revalidatePath } from "next/cache";
import { conscriptAction } from "@/lib/actions/action-client";
import { applyForBasicService } from "@/lib/centres/apply-for-basic-service";
import { bookCentreVisit } from "@/lib/centres/book-centre-visit";
import { cancelCentreVisit } from "@/lib/centres/cancel-centre-visit";
import { ZApplyForBasicService, ZBookVisit, ZVisitId } from "@/lib/centres/schemas";
import { createCtx } from "@/lib/context-server";

// The citizen's side of the recruitment centres: each action is one domain call.
export const bookCentreVisitAction = conscriptAction(ZBookVisit, async (input, actor) => {
  const result = await bookCentreVisit(createCtx({ actor, now: new Date() }), input);
  revalidatePath("/me/centres");
  return result;
});

export const cancelCentreVisitAction = conscriptAction(ZVisitId, async (input, actor) => {
  await cancelCentreVisit(createCtx({ actor, now: new Date() }), input);
  revalidatePath("/me/centres");
  return { cancelled: true };
});

export const applyForBasicServiceAction = conscriptAction(ZApplyForBasicService, async (input, actor) => {
  const result = await applyForBasicService(createCtx({ actor, now: new Date() }), input);
  revalidatePath("/me/basic-service");
  return result;
});
