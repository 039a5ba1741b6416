import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { listRoleOptions } from "./list-role-options";
import { authOptions } from "./options";
import { sameRoleOption, type Actor, type Role } from "./roles";

export const getSession = cache(() => getServerSession(authOptions));

/**
 * The actor of this request, or null. The role chosen at sign-in is checked against the
 * registry and the memberships again, so a replaced head or a withdrawn authorization
 * stops working at once rather than when the session expires.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getSession();
  const active = session?.activeRole;
  if (!session || !active) return null;
  const current = await listRoleOptions(db, { userId: session.uid, rnokpp: session.rnokpp });
  if (!current.some((option) => sameRoleOption(option, active))) return null;
  return {
    userId: session.uid,
    rnokpp: session.rnokpp,
    fullName: session.fullName,
    role: active.role,
    ...(active.edrpou ? { edrpou: active.edrpou } : {}),
    ...(active.authorityId ? { authorityId: active.authorityId } : {}),
    ...(active.unitId ? { unitId: active.unitId } : {}),
    via: session.via,
  };
});

/** For pages: the actor in one of the allowed roles, or a redirect to sign in / pick a role, or 403. */
export async function requireActor(allowed: readonly Role[], path = "/"): Promise<Actor> {
  const session = await getSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!session.activeRole) redirect(`/login/role?next=${encodeURIComponent(path)}`);
  const actor = await getActor();
  if (!actor) redirect(`/login?expired=1&next=${encodeURIComponent(path)}`);
  if (!allowed.includes(actor.role)) {
    // Someone who also holds a fitting role is offered to switch rather than refused.
    if (session.roles.some((r) => allowed.includes(r.role))) redirect(`/login/role?next=${encodeURIComponent(path)}`);
    forbidden();
  }
  return actor;
}
