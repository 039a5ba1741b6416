"use client";

import { getSession } from "next-auth/react";
import { CABINET_PATH } from "@/lib/auth/roles";
import { safeNextPath } from "@/lib/auth/safe-next-path";

/** Where to go once signed in: the role picker when there are several roles, else the cabinet. */
export async function pathAfterSignIn(next: string | null) {
  const session = await getSession();
  if (!session) return "/login";
  const safeNext = safeNextPath(next);
  if (!session.activeRole) return `/login/role${safeNext ? `?next=${encodeURIComponent(safeNext)}` : ""}`;
  return safeNext ?? CABINET_PATH[session.activeRole.role];
}
