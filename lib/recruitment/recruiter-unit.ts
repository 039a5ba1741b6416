import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The military unit a recruiter acts for, from the session's role. Every query of the unit's
 * cabinet is scoped to it, so another unit's vacancy or application is simply not found.
 */
export function recruiterUnitId(actor: Actor | null | undefined, permission: Permission): string {
  assertCan(actor, permission);
  if (!actor.unitId) throw new AppError("FORBIDDEN", "Роль рекрутера не прив'язана до військової частини");
  return actor.unitId;
}
