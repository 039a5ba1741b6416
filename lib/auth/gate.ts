import "server-only";
import { forbidden, redirect } from "next/navigation";
import { CABINET_PERMISSION, can, PERMISSIONS, type ActorWith, type Permission } from "./permissions";
import type { Role } from "./roles";
import { getActor, getSession } from "./session";

// The gate of every cabinet's pages: one helper per cabinet, each gating on a permission from
// the one table in lib/auth/permissions.ts (never on a list of role names). Server actions use
// the matching action client (lib/actions/action-client.ts) and the HR API authenticateRequest
// (lib/api/authenticate-request.ts), which gate on the same permissions. Layouts do not re-run on
// client navigation, so every page calls its gate itself.
//
// A new cabinet: name the permission that opens it in CABINET_PERMISSION (./permissions) and add
// its helper here and its action client in lib/actions/action-client.ts.

/**
 * For pages: the actor holding `permission`, or a redirect to sign in / pick another of the
 * person's roles, or 403. Someone who also holds a fitting role is offered to switch.
 */
export async function requirePermission<P extends Permission>(permission: P, path: string): Promise<ActorWith<P>> {
  const session = await getSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!session.activeRole) redirect(`/login/role?next=${encodeURIComponent(path)}`);
  const actor = await getActor();
  if (!actor) redirect(`/login?expired=1&next=${encodeURIComponent(path)}`);
  if (!can(actor, permission)) {
    if (session.roles.some((option) => roleHas(option.role, permission)))
      redirect(`/login/role?next=${encodeURIComponent(path)}`);
    forbidden();
  }
  return actor;
}

function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

type CompanyPermission = (typeof PERMISSIONS)["ENTERPRISE_HEAD" | "AUTHORIZED_PERSON"][number];

/** The company cabinet (head or authorized person); pass a narrower permission for head-only pages. */
export function requireCompany<P extends CompanyPermission = typeof CABINET_PERMISSION.company>(
  path: string,
  permission?: P,
) {
  return requirePermission(permission ?? (CABINET_PERMISSION.company as P), path);
}

/** The ministry cabinet (an official of an authority). */
export function requireOfficial(path: string) {
  return requirePermission(CABINET_PERMISSION.ministry, path);
}

/** The conscript's own cabinet. */
export function requireConscript(path: string) {
  return requirePermission(CABINET_PERMISSION.me, path);
}

/** The military unit's cabinet (a recruiter). */
export function requireRecruiter(path: string) {
  return requirePermission(CABINET_PERMISSION.unit, path);
}

/** The administrator's cabinet. */
export function requireAdmin(path: string) {
  return requirePermission(CABINET_PERMISSION.admin, path);
}

/** The unit staff officer's cabinet (confirming service for certificates). */
export function requireStaffOfficer(path: string) {
  return requirePermission(CABINET_PERMISSION.staff, path);
}

/** The methodologist's cabinet (rulesets). */
export function requireMethodologist(path: string) {
  return requirePermission(CABINET_PERMISSION.methodology, path);
}

/** The recruitment centre's cabinet (a centre recruiter). */
export function requireCentreRecruiter(path: string) {
  return requirePermission(CABINET_PERMISSION.centre, path);
}

/** The ТЦК cabinet (an officer or the head of a ТЦК); pass "notices.sign" for the head's pages. */
export function requireTck<
  P extends (typeof PERMISSIONS)["TCK_OFFICER" | "TCK_HEAD"][number] = typeof CABINET_PERMISSION.tck,
>(path: string, permission?: P) {
  return requirePermission(permission ?? (CABINET_PERMISSION.tck as P), path);
}
