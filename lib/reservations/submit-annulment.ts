import "server-only";
import {
  submitSignedDraft,
  type SubmitCtx,
  type SubmitSignedDraftInput,
  type SubmittedApplication,
} from "./submit-signed-draft";

/**
 * Submits a signed annulment draft, with the same verification, idempotency and refusals as
 * submitApplication; the worker decides it on the same path (decideSubmittedApplication).
 */
export function submitAnnulment(ctx: SubmitCtx, input: SubmitSignedDraftInput): Promise<SubmittedApplication> {
  return submitSignedDraft(ctx, { ...input, kind: "ANNULMENT" });
}
