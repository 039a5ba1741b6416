"use server";

import { companyAction } from "@/lib/actions/action-client";
import { discardDraft } from "@/lib/reservations/discard-draft";
import { ZEmployeeFilters } from "@/lib/company/employee-filters";
import { getApplicationStatus } from "@/lib/company/get-application-status";
import { handOverDraft } from "@/lib/reservations/hand-over-draft";
import { selectEmployees } from "@/lib/company/select-employees";
import { markNotificationsRead } from "@/lib/notifications";
import {
  createAnnulmentDraft,
  createReservationDraft,
  submitAnnulment,
  submitApplication,
  ZCreateAnnulmentDraftInput,
  ZCreateReservationDraftInput,
} from "@/lib/reservations";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// The company cabinet's server actions. Each parses its input here, takes the actor (and so
// the enterprise) from the session, and hands over to one domain function, which checks the
// permission and scopes every query to the enterprise again.

const ZDraftRef = z.object({ draftId: z.string().max(64) }).strict();

export const selectEmployeesAction = companyAction(z.object({ filters: ZEmployeeFilters }).strict(), (input, actor) =>
  selectEmployees(createCtx({ actor }), { filters: input.filters }),
);

// The domain's schema; the enterprise is the session's, never the form's.
const ZReservationDraftForm = ZCreateReservationDraftInput.omit({ edrpou: true });

export const createReservationDraftAction = companyAction(ZReservationDraftForm, async (input, actor) => {
  const draft = await createReservationDraft(createCtx({ actor }), {
    edrpou: actor.edrpou ?? "",
    employees: input.employees,
  });
  return { draftId: draft.draftId };
});

// The domain's schema; the enterprise is the session's, never the form's.
const ZAnnulmentDraftForm = ZCreateAnnulmentDraftInput.omit({ edrpou: true });

export const createAnnulmentDraftAction = companyAction(ZAnnulmentDraftForm, async (input, actor) => {
  const draft = await createAnnulmentDraft(createCtx({ actor }), {
    edrpou: actor.edrpou ?? "",
    ground: input.ground,
    employees: input.employees,
  });
  return { draftId: draft.draftId };
});

const ZSubmitForm = z
  .object({
    draftId: z.string().max(64),
    kind: z.enum(["RESERVATION", "ANNULMENT"]),
    signature: z
      .string()
      .min(1)
      .max(200_000)
      .regex(/^[A-Za-z0-9+/]+=*$/, "Підпис має бути у форматі base64"),
  })
  .strict();

export const submitDraftAction = companyAction(ZSubmitForm, async (input, actor) => {
  const submit = input.kind === "RESERVATION" ? submitApplication : submitAnnulment;
  const submitted = await submit(createCtx({ actor }), {
    draftId: input.draftId,
    signature: Uint8Array.from(Buffer.from(input.signature, "base64")),
  });
  return { applicationId: submitted.applicationId };
});

export const applicationStatusAction = companyAction(
  z.object({ applicationId: z.string().max(64) }).strict(),
  (input, actor) => getApplicationStatus(createCtx({ actor }), { applicationId: input.applicationId }),
);

export const handOverDraftAction = companyAction(ZDraftRef, (input, actor) =>
  handOverDraft(createCtx({ actor }), { draftId: input.draftId }),
);

export const discardDraftAction = companyAction(ZDraftRef, (input, actor) =>
  discardDraft(createCtx({ actor }), { draftId: input.draftId }),
);

export const markCompanyNotificationsReadAction = companyAction(
  z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict(),
  async (input, actor) => ({
    marked: await markNotificationsRead(createCtx({ actor }), {
      rnokpp: actor.rnokpp ?? "",
      audience: "company",
      ids: input.ids,
    }),
  }),
);
