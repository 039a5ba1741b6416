import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import type { UnitServicePeriodRecord } from "@/lib/registry";
import { ZUnitServicePeriodsQuery } from "./schemas";

const PAGE = 100;

/**
 * The periods of service the staff officer's own unit reported, to open one for correction:
 * by surname, narrowed by the beginning of a surname. At most 100; `more` says there are others.
 */
export async function listUnitServicePeriods(
  ctx: Ctx<"actor" | "db" | "registry">,
  input: unknown,
): Promise<{ unit: { code: string; name: string }; periods: UnitServicePeriodRecord[]; more: boolean }> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const { surname } = parseInput(ZUnitServicePeriodsQuery, input);
  const unit = await ctx.db.militaryUnit.findUnique({
    where: { id: actor.unitId },
    select: { code: true, name: true },
  });
  if (!unit) throw new AppError("FORBIDDEN", "Роль офіцера не прив'язана до військової частини");
  const rows = await ctx.registry.listUnitServicePeriods({ unitCode: unit.code, surname, take: PAGE + 1 });
  return { unit, periods: rows.slice(0, PAGE), more: rows.length > PAGE };
}
