import { AppError } from "@/lib/errors";
import type { Actor, Role } from "./roles";

// One table of what each role may do. Domain functions call assertCan() and then scope
// their queries to the actor's organisation; pages only decide what to show.
export const PERMISSIONS = {
  ADMIN: ["authorities.manage", "officials.manage", "audit.read", "mail.preview"],
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
  CONSCRIPT: ["record.read", "contacts.update", "edoc.issue", "vacancies.apply", "notifications.read"],
  RECRUITER: ["unit.read", "vacancies.manage", "vacancyApplications.decide", "notifications.read"],
  METHODOLOGIST: ["rulesets.read", "rulesets.draft", "rulesets.sign"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const granted = (PERMISSIONS as Record<string, readonly string[] | undefined>)[actor.role];
  return granted ? granted.includes(permission) : false;
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the role lacks the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN");
}

/** For enterprise-scoped work: the actor must act for this very ЄДРПОУ. A foreign one is "not found". */
export function assertActsFor(actor: Actor, edrpou: string) {
  if (actor.edrpou !== edrpou) throw new AppError("NOT_FOUND");
}
