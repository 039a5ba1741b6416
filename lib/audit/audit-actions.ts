// Every act the audit log records, in one list: a writer cannot invent a name, and the
// ministry's filter and the verifier know them all. Add a name here before writing it.

export const AUDIT_ACTIONS = [
  "admin.created",
  "annulment.decide",
  "annulment.submit",
  "api_token.issue",
  "api_token.revoke",
  "application.decide",
  "application.fail",
  "application.submit",
  "auth.login",
  "auth.login.refused",
  "authority.created",
  "authority.updated",
  "authorization.grant",
  "authorization.withdraw",
  "certificate.issue",
  "certificate.revoke",
  "certificateRequest.refuse",
  "certificateRequest.route",
  "certificateRequest.submit",
  "contacts.update",
  "decision.confirmed",
  "decision.extended",
  "decision.granted",
  "decision.imported",
  "decision.limit_changed",
  "decision.revoked",
  "decisions.import",
  "draft.discard",
  "draft.hand_over",
  "evod.issue",
  "official.added",
  "official.test_key_issued",
  "official.withdrawn",
  "reservation.annul",
  "reservation.expire",
  "ruleset.signed",
  "servicePeriod.confirm",
  "servicePeriod.correct",
  "trust_list.import",
  "vacancy.close",
  "vacancy.publish",
  "vacancy.update",
  "vacancyApplication.accept",
  "vacancyApplication.decline",
  "vacancyApplication.renew",
  "vacancyApplication.submit",
  "vacancyApplication.withdraw",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
