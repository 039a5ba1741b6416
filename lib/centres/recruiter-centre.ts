import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The recruitment centre a centre recruiter acts for, from the session's role. Every query of the
 * centre's cabinet is scoped to it: another centre's visit or application is simply not found.
 */
export function recruiterCentreId(actor: Actor | null | undefined, permission: Permission): string {
  assertCan(actor, permission);
  if (!actor.centreId) throw new AppError("FORBIDDEN", "Роль рекрутера не прив'язана до рекрутингового центру");
  return actor.centreId;
}
