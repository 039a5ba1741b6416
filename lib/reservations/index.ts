// The life of an application: draft → signed submission → decision by the worker → registry
// marks and notifications → annulment (by the head, by the ministry, by the daily checks).
// See docs/decisions/004-application-lifecycle.md. Server-only throughout.
export { createReservationDraft, type CreateReservationDraftInput } from "./create-reservation-draft";
export { ZCreateReservationDraftInput, ZCreateAnnulmentDraftInput, ZConfirmedSalary } from "./draft-input";
export { createAnnulmentDraft, type CreateAnnulmentDraftInput } from "./create-annulment-draft";
export { getDraft, type DraftView } from "./get-draft";
export { listPendingDrafts, type PendingDraft } from "./list-pending-drafts";
export { handOverDraft } from "./hand-over-draft";
export { discardDraft } from "./discard-draft";
export { submitApplication } from "./submit-application";
export { submitAnnulment } from "./submit-annulment";
export type { SubmitSignedDraftInput, SubmittedApplication } from "./submit-signed-draft";
export {
  decideSubmittedApplication,
  type DecideOutcome,
  type DecideSubmittedApplicationInput,
} from "./decide-submitted-application";
export { annulReservations, type AnnulReservationsOptions, type AnnulledReservation } from "./annul-reservations";
export {
  applyAutomaticAnnulments,
  type ApplyAutomaticAnnulmentsOptions,
  type AutomaticAnnulmentResult,
} from "./apply-automatic-annulments";
export { sweepReservations, type SweepReservationsResult } from "./sweep-reservations";
export { requeueStuckApplications } from "./requeue-stuck-applications";
export { getApplication, type ApplicationView, type ApplicationItemView } from "./get-application";
export {
  listApplications,
  ZListApplicationsInput,
  type ApplicationSummary,
  type ListApplicationsInput,
} from "./list-applications";
export {
  listEmployees,
  ZListEmployeesInput,
  EMPLOYEE_SORTS,
  EMPLOYEE_STATES,
  type EmployeeList,
  type EmployeeRow,
  type EmployeeSort,
  type EmployeeState,
  type ListEmployeesInput,
} from "./list-employees";
export { loadApplicationFacts, type LoadedFacts, type ListedEmployee } from "./load-application-facts";
export { findEnterpriseDecision, lockEnterpriseDecisions, type EnterpriseDecision } from "./find-enterprise-decision";
export { resolveEnterpriseAccess, type EnterpriseAccess } from "./resolve-enterprise-access";
export { reservationError, type ReservationErrorCode } from "./errors";
export { MAX_EMPLOYEES, DRAFT_TTL_SECONDS, DECIDE_APPLICATION_QUEUE, STUCK_AFTER_SECONDS } from "./constants";
export { RESERVATION_DOCUMENT_TYPE, ANNULMENT_DOCUMENT_TYPE } from "./canonical-documents";
export type * from "./types";
