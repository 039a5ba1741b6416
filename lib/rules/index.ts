// The rules engine: facts in, decisions with reason codes out. Pure — no database, no clock,
// no environment — so it runs in the worker, in a route handler and in the browser alike.
export * from "./calendar";
export * from "./enums";
export * from "./criteria";
export * from "./limits";
export * from "./rulesets";
export * from "./annulment-grounds";
export type * from "./facts";
export * from "./outcomes";
export { assessEnterprise, effectiveDecisionEnd, isRevokedOn, resolveSalaryExemption } from "./enterprise-standing";
export type { EnterpriseStanding, NotCriticalCause } from "./enterprise-standing";
export { employmentOn } from "./employment";
export type { EmploymentOn } from "./employment";
export { decideApplication } from "./decide-application";
export { decideAnnulment } from "./decide-annulment";
export { findReservationsToAnnul } from "./find-reservations-to-annul";
export * from "./reasons";
export { isNeverReservable, leadingReason, NEVER_RESERVABLE_CODES } from "./never-reservable";
export { checkAnnulmentSpacing } from "./annulment-spacing";
export * from "./reservation-under-ruleset";
export type { AnnulmentSpacing } from "./annulment-spacing";
export * from "./ruleset-schema";
export * from "./decision-terms";
export * from "./expiry";
export * from "./evod-validity";
export * from "./recruitment-eligibility";
