import "server-only";
import { submitSignedDraft, type SubmitSignedDraftOptions, type SubmittedApplication } from "./submit-signed-draft";

/**
 * Submits a signed annulment draft, with the same verification, idempotency and refusals as
 * submitApplication; the worker decides it on the same path (decideSubmittedApplication).
 */
export function submitAnnulment(options: SubmitSignedDraftOptions): Promise<SubmittedApplication> {
  return submitSignedDraft("ANNULMENT", options);
}
