import "server-only";
import { assertCan, type ActorWith, type Permission } from "@/lib/auth/permissions";
import type { Actor, TckActor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { TccRecord } from "@/lib/registry";

// The ТЦК an officer or head acts for, loaded once per domain call: the membership must still
// be active (a withdrawn officer is refused at once, whatever the session says), and every query
// of the cabinet is then scoped to this ТЦК — another ТЦК's people are simply not found.

type TckPermission = Extract<Permission, `register.${string}` | `notices.${string}` | `deferments.${string}`>;

export async function loadActingTcc<P extends TckPermission>(
  ctx: Ctx<"actor" | "db" | "registry">,
  permission: P,
): Promise<{ actor: ActorWith<P> & TckActor; tcc: TccRecord }> {
  assertCan(ctx.actor, permission);
  const actor: Actor = ctx.actor;
  if (actor.role !== "TCK_OFFICER" && actor.role !== "TCK_HEAD") throw new AppError("FORBIDDEN");
  const membership = actor.userId
    ? await ctx.db.membership.findFirst({
        where: { userId: actor.userId, role: actor.role, tcc: actor.tcc, revokedAt: null, user: { disabledAt: null } },
        select: { id: true },
      })
    : null;
  if (!membership) throw new AppError("FORBIDDEN", "Посадову особу не прив'язано до цього ТЦК та СП");
  const tcc = await ctx.registry.findTcc(actor.tcc);
  if (!tcc) throw new AppError("FORBIDDEN", "ТЦК та СП не знайдено в реєстрі");
  return { actor: actor as ActorWith<P> & TckActor, tcc };
}
