import "server-only";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

// The methodologist acts for the Ministry of Economy, which keeps the rules of reservation:
// a membership anywhere else (or withdrawn since sign-in) gives no right to them.

export const RULES_AUTHORITY_CODE = "mineconomy";

export type MethodologistAuthority = { id: string; code: string; name: string; edrpou: string };

export async function loadMethodologist(
  ctx: { db: DbClient; actor: Actor | null },
  input: { permission: Permission },
): Promise<{ actor: Actor; authority: MethodologistAuthority }> {
  const { db: tx, actor } = ctx;
  assertCan(actor, input.permission);
  if (!actor.authorityId || !actor.userId) throw new AppError("FORBIDDEN", "Методолога не прив'язано до Мінекономіки");
  const membership = await tx.membership.findFirst({
    where: {
      userId: actor.userId,
      role: "METHODOLOGIST",
      authorityId: actor.authorityId,
      revokedAt: null,
      user: { disabledAt: null },
    },
    select: { authority: { select: { id: true, code: true, name: true, edrpou: true } } },
  });
  if (!membership?.authority || membership.authority.code !== RULES_AUTHORITY_CODE)
    throw new AppError("FORBIDDEN", "Правила бронювання веде лише методолог Мінекономіки");
  return { actor, authority: membership.authority };
}
