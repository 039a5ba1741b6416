"use server";

import { unitAction } from "@/lib/actions/action-client";
import { markNotificationsRead } from "@/lib/notifications";
import { closeVacancy } from "@/lib/recruitment/close-vacancy";
import { decideVacancyApplication } from "@/lib/recruitment/decide-vacancy-application";
import { publishVacancy } from "@/lib/recruitment/publish-vacancy";
import { updateVacancy } from "@/lib/recruitment/update-vacancy";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// The unit recruiter's server actions: raw form strings in, one domain function each (the domain
// applies the rules and scopes everything to the recruiter's unit).

const ZDecisionForm = z
  .object({ applicationId: z.string().max(64), decision: z.string().max(16), comment: z.string().max(4000).optional() })
  .strict();
const ZVacancyForm = z
  .object({
    title: z.string().max(1000),
    specialty: z.string().max(1000),
    region: z.string().max(1000),
    requirements: z.string().max(10_000),
    description: z.string().max(20_000),
  })
  .strict();
const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict();

export const decideApplicationAction = unitAction(ZDecisionForm, async (input, actor) =>
  decideVacancyApplication(createCtx({ actor, now: new Date() }), input),
);

export const publishVacancyAction = unitAction(ZVacancyForm, async (input, actor) =>
  publishVacancy(createCtx({ actor, now: new Date() }), input),
);

export const updateVacancyAction = unitAction(
  ZVacancyForm.extend({ vacancyId: z.string().max(64) }),
  async (input, actor) => updateVacancy(createCtx({ actor }), input),
);

export const closeVacancyAction = unitAction(
  z.object({ vacancyId: z.string().max(64) }).strict(),
  async (input, actor) => closeVacancy(createCtx({ actor, now: new Date() }), input),
);

export const markUnitNotificationsReadAction = unitAction(ZMarkRead, async (input, actor) => ({
  marked: await markNotificationsRead(createCtx({ actor }), {
    rnokpp: actor.rnokpp!,
    audience: "unit",
    ids: input.ids,
  }),
}));
