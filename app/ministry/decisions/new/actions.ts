"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { grantDecision } from "@/lib/enterprises/grant-decision";
import { lookupEnterprise } from "@/lib/enterprises/lookup-enterprise";
import { prepareDecisionGrant } from "@/lib/enterprises/prepare-decision-grant";
import { ZGrantDecision, ZNewDecision } from "@/lib/enterprises/schemas";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

// The decision form's server actions: look the enterprise up, prepare the document to sign,
// accept the signed decision. Each hands its parsed input to one domain function.

const ZLookup = z.object({ edrpou: z.string().trim().max(20) }).strict();

export const lookupEnterpriseAction = ministryAction(ZLookup, async (input, actor) =>
  lookupEnterprise(createCtx({ actor }), { edrpou: input.edrpou }),
);

export const prepareGrantAction = ministryAction(ZNewDecision, async (input, actor) =>
  prepareDecisionGrant(createCtx({ actor }), input),
);

export const grantDecisionAction = ministryAction(ZGrantDecision, async (input, actor) =>
  grantDecision(createCtx({ actor }), input),
);
