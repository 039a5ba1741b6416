import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { createCtx } from "@/lib/context-server";
import { holdsRoleOption } from "./list-role-options";
import { authOptions } from "./options";
import { actorFromRoleOption, type Actor } from "./roles";

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
  const who = { userId: session.uid, rnokpp: session.rnokpp };
  if (!(await holdsRoleOption(createCtx({ actor: null }), who, active))) return null;
  return actorFromRoleOption(
    { userId: session.uid, rnokpp: session.rnokpp, fullName: session.fullName, via: session.via },
    active,
  );
});
