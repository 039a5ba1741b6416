import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The РНОКПП of a citizen acting for themselves. Identity comes from the session only; every
 * read and write of the conscript's cabinet is scoped to this value in its `where` clause.
 */
export function citizenRnokpp(actor: Actor | null | undefined, permission: Permission): string {
  assertCan(actor, permission);
  if (!actor.rnokpp) throw new AppError("FORBIDDEN", "Цей кабінет доступний лише особі з РНОКПП");
  return actor.rnokpp;
}
