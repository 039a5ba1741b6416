import { AppError } from "@/lib/errors";
import type { Actor, Role } from "./roles";

// One table of what each role may do. Domain functions call assertCan() and then scope
// their queries to the actor's organisation; pages, server actions and the HR API gate on the
// same permissions (lib/auth/gate.ts, lib/actions/action-client.ts), never on role names.
// A new permission: add it to the roles that hold it here; a new role: see `Actor` in ./roles.
export const PERMISSIONS = {
  ADMIN: ["authorities.manage", "officials.manage", "audit.read", "mail.preview", "trustList.manage"],
  OFFICIAL: ["decisions.read", "decisions.write", "audit.read", "dashboard.read"],
  ENTERPRISE_HEAD: [
    "employees.read",
    "applications.prepare",
    "applications.sign",
    "annulments.sign",
    "authorizations.manage",
    "apiTokens.manage",
    "notifications.read",
  ],
  AUTHORIZED_PERSON: ["employees.read", "applications.prepare", "notifications.read"],
  CONSCRIPT: [
    "record.read",
    "contacts.update",
    "edoc.issue",
    "vacancies.apply",
    "certificates.request",
    "centres.book",
    "basicService.apply",
    "notifications.read",
    "preferences.update",
  ],
  RECRUITER: ["unit.read", "vacancies.manage", "vacancyApplications.decide", "notifications.read"],
  METHODOLOGIST: ["rulesets.read", "rulesets.draft", "rulesets.sign"],
  UNIT_STAFF_OFFICER: ["service.confirm", "notifications.read"],
  TCK_OFFICER: ["register.read", "register.update", "notices.form", "notices.deliver", "deferments.grant"],
  TCK_HEAD: ["register.read", "register.update", "notices.form", "notices.deliver", "deferments.grant", "notices.sign"],
  CENTRE_RECRUITER: ["centre.read", "centreVisits.mark", "basicService.decide", "notifications.read"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

/** The permission that opens each cabinet. */
export const CABINET_PERMISSION = {
  company: "employees.read",
  ministry: "decisions.read",
  me: "record.read",
  unit: "unit.read",
  admin: "authorities.manage",
  methodology: "rulesets.read",
  staff: "service.confirm",
  tck: "register.read",
  centre: "centre.read",
} as const satisfies Record<string, Permission>;

/** The roles whose row in PERMISSIONS grants `P`. */
export type RolesWith<P extends Permission> = {
  [R in Role]: P extends (typeof PERMISSIONS)[R][number] ? R : never;
}[Role];

/** The actor variants that hold permission `P`: `ActorWith<"applications.sign">` is the head. */
export type ActorWith<P extends Permission> = Extract<Actor, { role: RolesWith<P> }>;

export function can<P extends Permission>(
  actor: Pick<Actor, "role"> | null | undefined,
  permission: P,
): actor is ActorWith<P> {
  if (!actor) return false;
  const granted = (PERMISSIONS as Record<string, readonly string[] | undefined>)[actor.role];
  return granted ? granted.includes(permission) : false;
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the role lacks the permission. */
export function assertCan<P extends Permission>(
  actor: Actor | null | undefined,
  permission: P,
): asserts actor is ActorWith<P> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN");
}

/** For enterprise-scoped work: the actor must act for this very ЄДРПОУ. A foreign one is "not found". */
export function assertActsFor(actor: Actor, edrpou: string) {
  if (actor.edrpou !== edrpou) throw new AppError("NOT_FOUND");
}
