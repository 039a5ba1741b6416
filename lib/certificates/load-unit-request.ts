import "server-only";
import type { CtxAs } from "@/lib/context";
import type { StaffOfficerActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { toIsoDate } from "@/lib/rules/calendar";

/**
 * A certificate request as the unit's staff officer sees it: only requests routed to the
 * officer's own unit (another unit's request is "not found"), with the person and the periods
 * of service in this unit that wait for confirmation.
 */
export async function loadUnitRequest(ctx: CtxAs<StaffOfficerActor, "db" | "registry">, requestId: string) {
  const request = await ctx.db.certificateRequest.findFirst({
    where: { id: requestId, unitId: ctx.actor.unitId },
    select: {
      id: true,
      rnokpp: true,
      kind: true,
      status: true,
      dueOn: true,
      createdAt: true,
      decidedAt: true,
      refusalReason: true,
      unit: { select: { id: true, code: true, name: true } },
      certificate: { select: { number: true } },
    },
  });
  if (!request || !request.unit) throw new AppError("NOT_FOUND", "Запит не знайдено");
  const person = await ctx.registry.findPerson(request.rnokpp);
  if (!person) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про цю особу");
  const periods = (await ctx.registry.findServicePeriods(request.rnokpp)).filter(
    (period) => period.unitCode === request.unit!.code,
  );
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    dueOn: request.dueOn ? toIsoDate(request.dueOn) : null,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    refusalReason: request.refusalReason,
    certificateNumber: request.certificate?.number ?? null,
    unit: request.unit,
    person: {
      rnokpp: person.rnokpp,
      fullName: person.fullName,
      birthDate: person.birthDate,
      rank: person.military?.rank ?? null,
    },
    periods,
  };
}

export type UnitRequest = Awaited<ReturnType<typeof loadUnitRequest>>;
