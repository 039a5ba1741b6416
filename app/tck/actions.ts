"use server";

import { tckAction } from "@/lib/actions/action-client";
import { createCtx } from "@/lib/context-server";
import { markNotificationsRead } from "@/lib/notifications";
import { formNotices } from "@/lib/notices/form-notices";
import { importPostalReport, ZImportPostalReport } from "@/lib/notices/import-postal-report";
import { prepareBatchSigning } from "@/lib/notices/prepare-batch-signing";
import { ZBatchRef, ZFormNotices, ZSignBatch } from "@/lib/notices/schemas";
import { signNoticeBatch } from "@/lib/notices/sign-notice-batch";
import { grantDeferment, ZGrantDeferment } from "@/lib/tck/grant-deferment";
import { rnokppFromTckRef } from "@/lib/tck/person-ref";
import { recordDataUpdate } from "@/lib/tck/record-data-update";
import { referToVlk, ZReferToVlk } from "@/lib/tck/refer-to-vlk";
import { setWantedStatus, ZSetWantedStatus } from "@/lib/tck/set-wanted-status";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";

// The ТЦК cabinet's server actions: each parses its input and calls one domain function, which
// checks the permission and scopes everything to the actor's ТЦК.

export const formNoticesAction = tckAction(ZFormNotices, async (input, actor) =>
  formNotices(createCtx({ actor }), input),
);

export const prepareBatchSigningAction = tckAction(ZBatchRef, async (input, actor) =>
  prepareBatchSigning(createCtx({ actor }), input),
);

export const signBatchAction = tckAction(ZSignBatch, async (input, actor) =>
  signNoticeBatch(createCtx({ actor }), input),
);

export const importPostalReportAction = tckAction(ZImportPostalReport, async (input, actor) =>
  importPostalReport(createCtx({ actor }), input),
);

const ZDefermentForm = ZGrantDeferment.omit({ rnokpp: true }).extend({ ref: z.string().max(200) });

export const grantDefermentAction = tckAction(ZDefermentForm, async (input, actor) => {
  const rnokpp = rnokppFromTckRef(input.ref);
  if (!rnokpp) throw new AppError("NOT_FOUND");
  return grantDeferment(createCtx({ actor }), { rnokpp, ground: input.ground, until: input.until });
});

const ZWantedForm = ZSetWantedStatus.omit({ rnokpp: true }).extend({ ref: z.string().max(200) });

export const setWantedStatusAction = tckAction(ZWantedForm, async (input, actor) => {
  const rnokpp = rnokppFromTckRef(input.ref);
  if (!rnokpp) throw new AppError("NOT_FOUND");
  return setWantedStatus(createCtx({ actor }), { rnokpp, wanted: input.wanted, reason: input.reason });
});

const ZVlkReferralForm = ZReferToVlk.omit({ rnokpp: true }).extend({ ref: z.string().max(200) });

export const referToVlkAction = tckAction(ZVlkReferralForm, async (input, actor) => {
  const rnokpp = rnokppFromTckRef(input.ref);
  if (!rnokpp) throw new AppError("NOT_FOUND");
  const { at, place } = await referToVlk(createCtx({ actor }), {
    rnokpp,
    date: input.date,
    time: input.time,
    place: input.place,
  });
  return { at: at.toISOString(), place };
});

// The form's raw strings: the domain's schema (ZRecordDataUpdate) normalises them, once.
const ZDataUpdateForm = z
  .object({
    ref: z.string().max(200),
    phone: z.string().max(64),
    email: z.string().max(320),
    address: z.string().max(1000),
    rank: z.string().max(200),
    specialty: z.string().max(200),
  })
  .strict();

export const recordDataUpdateAction = tckAction(ZDataUpdateForm, async (input, actor) => {
  const { ref, ...update } = input;
  const rnokpp = rnokppFromTckRef(ref);
  if (!rnokpp) throw new AppError("NOT_FOUND");
  return recordDataUpdate(createCtx({ actor }), { rnokpp, ...update });
});

const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict();

export const markTckNotificationsReadAction = tckAction(ZMarkRead, async (input, actor) => {
  const ctx = createCtx({ actor });
  return { marked: await markNotificationsRead(ctx, { rnokpp: actor.rnokpp ?? "", audience: "tck", ids: input.ids }) };
});
