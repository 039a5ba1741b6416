import "server-only";
import {
  submitSignedDraft,
  type SubmitCtx,
  type SubmitSignedDraftInput,
  type SubmittedApplication,
} from "./submit-signed-draft";

/**
 * Submits a signed reservation draft: verifies the head's signature over the draft's bytes and
 * stores the application (QUEUED) with its items, then queues its decision. The same signature
 * again returns the same application (`repeated: true`); another signature for a submitted
 * draft is DRAFT_ALREADY_SUBMITTED; an expired draft DRAFT_STALE; a foreign or unknown one
 * DRAFT_NOT_FOUND; an authorized person FORBIDDEN; a key not of the head SIGNER_NOT_HEAD.
 */
export function submitApplication(ctx: SubmitCtx, input: SubmitSignedDraftInput): Promise<SubmittedApplication> {
  return submitSignedDraft(ctx, { ...input, kind: "RESERVATION" });
}
