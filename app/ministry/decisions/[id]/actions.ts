"use server";

import { ministryAction } from "@/lib/actions/action-client";
import { changeDecision } from "@/lib/enterprises/change-decision";
import { prepareDecisionChange } from "@/lib/enterprises/prepare-decision-change";
import { revokeDecision } from "@/lib/enterprises/revoke-decision";
import { ZApplyDecisionChange, ZPrepareDecisionChange } from "@/lib/enterprises/schemas";
import { createCtx } from "@/lib/context-server";

// Signed acts on a decision: prepare the document (with what the act will do to the
// reservations), then accept the signature. Revocation has its own domain function because it
// annuls the enterprise's reservations in the same transaction.

export const prepareChangeAction = ministryAction(ZPrepareDecisionChange, async (input, actor) =>
  prepareDecisionChange(createCtx({ actor }), input),
);

export const applyChangeAction = ministryAction(ZApplyDecisionChange, async (input, actor) => {
  if (input.change.action === "REVOKE") {
    const { annulled } = await revokeDecision(createCtx({ actor }), input);
    return { action: input.change.action, annulled, overLimit: 0 };
  }
  const { overLimit } = await changeDecision(createCtx({ actor }), input);
  return { action: input.change.action, annulled: 0, overLimit };
});
