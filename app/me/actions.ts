"use server";

import { conscriptAction } from "@/lib/actions/action-client";
import { updateMyContacts } from "@/lib/citizen/update-my-contacts";
import { issueEvod } from "@/lib/evod/issue-evod";
import { markNotificationsRead } from "@/lib/notifications";
import { applyToVacancy } from "@/lib/recruitment/apply-to-vacancy";
import { withdrawVacancyApplication } from "@/lib/recruitment/withdraw-vacancy-application";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// The conscript cabinet's server actions. Each parses the form's raw strings here and hands them
// to one domain function, which applies the real rules (and scopes everything to the session).

const ZContactsForm = z
  .object({ phone: z.string().max(64), email: z.string().max(320), address: z.string().max(1000) })
  .strict();
const ZApplyForm = z.object({ vacancyId: z.string().max(64), comment: z.string().max(2000).optional() }).strict();
const ZApplicationForm = z.object({ applicationId: z.string().max(64) }).strict();
const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict();

export const updateContactsAction = conscriptAction(ZContactsForm, async (input, actor) => {
  const { person, changed } = await updateMyContacts(createCtx({ actor, now: new Date() }), input);
  return { changed, dataUpdatedOn: person.military?.dataUpdatedOn ?? null };
});

export const issueEvodAction = conscriptAction(z.object({}).strict(), async (_input, actor) => {
  const issued = await issueEvod(createCtx({ actor, now: new Date() }));
  return { validUntil: issued.validUntil };
});

export const applyToVacancyAction = conscriptAction(ZApplyForm, async (input, actor) =>
  applyToVacancy(createCtx({ actor, now: new Date() }), input),
);

export const withdrawApplicationAction = conscriptAction(ZApplicationForm, async (input, actor) =>
  withdrawVacancyApplication(createCtx({ actor, now: new Date() }), input),
);

export const markMyNotificationsReadAction = conscriptAction(ZMarkRead, async (input, actor) => ({
  marked: await markNotificationsRead(createCtx({ actor }), { rnokpp: actor.rnokpp!, audience: "me", ids: input.ids }),
}));
