"use server";

import { staffAction } from "@/lib/actions/action-client";
import { correctServicePeriod } from "@/lib/certificates/correct-service-period";
import { decideCertificateRequest } from "@/lib/certificates/decide-certificate-request";
import { prepareCertificateDecision } from "@/lib/certificates/prepare-certificate-decision";
import { previewServicePeriodCorrection } from "@/lib/certificates/preview-service-period-correction";
import {
  ZCertificateDecision,
  ZServicePeriodCorrection,
  ZSignedCertificateDecision,
  ZSignedServicePeriodCorrection,
} from "@/lib/certificates/schemas";
import { createCtx } from "@/lib/context-server";
import { markNotificationsRead } from "@/lib/notifications";
import { z } from "@/lib/zod";

// The unit staff officer's actions: prepare the document of a decision (or a period's correction),
// then submit it signed.

export const prepareCertificateDecisionAction = staffAction(ZCertificateDecision, async (input, actor) =>
  prepareCertificateDecision(createCtx({ actor, now: new Date() }), input),
);

export const decideCertificateRequestAction = staffAction(ZSignedCertificateDecision, async (input, actor) =>
  decideCertificateRequest(createCtx({ actor, now: new Date() }), input),
);

export const previewServicePeriodCorrectionAction = staffAction(ZServicePeriodCorrection, async (input, actor) =>
  previewServicePeriodCorrection(createCtx({ actor, now: new Date() }), input),
);

export const correctServicePeriodAction = staffAction(ZSignedServicePeriodCorrection, async (input, actor) =>
  correctServicePeriod(createCtx({ actor, now: new Date() }), input),
);

export const markStaffNotificationsReadAction = staffAction(
  z.object({ ids: z.array(z.uuid()).max(200).optional() }).strict(),
  async (input, actor) => ({
    marked: await markNotificationsRead(createCtx({ actor }), {
      rnokpp: actor.rnokpp ?? "",
      audience: "staff",
      ids: input.ids,
    }),
  }),
);
