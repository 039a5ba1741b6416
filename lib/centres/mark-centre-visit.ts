import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { toIsoDate } from "@/lib/rules/calendar";
import { kyivNow } from "./kyiv-clock";
import { recruiterCentreId } from "./recruiter-centre";
import { ZMarkCentreVisit, type VisitAttendance } from "./schemas";

/**
 * The centre's recruiter marks whether a booked visitor came. Only a visit of their own centre
 * (another centre's is not found), booked (not cancelled), and of today or a past day by the Kyiv
 * date. A second mark corrects the first (a mis-click on the day, or a visitor who came late):
 * every mark is audited with the one it replaced; the same mark again writes nothing.
 */
export async function markCentreVisit(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ attendance: VisitAttendance; changed: boolean }> {
  const centreId = recruiterCentreId(ctx.actor, "centreVisits.mark");
  const { visitId, attendance } = parseInput(ZMarkCentreVisit, input);
  const actor = ctx.actor;
  return inTransaction(ctx.db, async (tx) => {
    const [visit] = await tx.$queryRaw<
      Array<{ id: string; status: string; day: Date; time: string; attendance: VisitAttendance | null }>
    >`
      SELECT id, status::text AS status, day, time, attendance::text AS attendance
      FROM public.centre_visits WHERE id = ${visitId}::uuid AND "centreId" = ${centreId}::uuid FOR UPDATE`;
    if (!visit) throw new AppError("NOT_FOUND", "Запис не знайдено");
    if (visit.status !== "BOOKED") throw new AppError("VISIT_NOT_MARKABLE");
    const day = toIsoDate(visit.day);
    if (day > kyivNow(ctx.now).day) throw new AppError("VISIT_NOT_YET");
    if (visit.attendance === attendance) return { attendance, changed: false };

    await tx.centreVisit.update({
      where: { id: visit.id },
      data: { attendance, markedAt: ctx.now, markedByRnokpp: actor.rnokpp },
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: attendance === "CAME" ? "centreVisit.came" : "centreVisit.noShow",
      entityType: "CentreVisit",
      entityId: visit.id,
      details: { centreId, day, time: visit.time, previous: visit.attendance },
    });
    return { attendance, changed: true };
  });
}
