import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { toIsoDate } from "@/lib/rules/calendar";
import { kyivNow } from "./kyiv-clock";
import { ZVisitId } from "./schemas";

/** The citizen cancels their own upcoming visit, not yet marked by the recruiter; the place is free again at once. */
export async function cancelCentreVisit(ctx: Ctx<"actor" | "db" | "now">, input: unknown): Promise<void> {
  const rnokpp = citizenRnokpp(ctx.actor, "centres.book");
  const { visitId } = parseInput(ZVisitId, input);
  await inTransaction(ctx.db, async (tx) => {
    const [visit] = await tx.$queryRaw<Array<{ id: string; status: string; day: Date; time: string; marked: boolean }>>`
      SELECT id, status::text AS status, day, time, attendance IS NOT NULL AS marked FROM public.centre_visits WHERE id = ${visitId}::uuid AND rnokpp = ${rnokpp} FOR UPDATE`;
    if (!visit) throw new AppError("NOT_FOUND", "Запис не знайдено");
    const now = kyivNow(ctx.now);
    const day = toIsoDate(visit.day);
    if (visit.status !== "BOOKED" || visit.marked || day < now.day || (day === now.day && visit.time <= now.time))
      throw new AppError("VISIT_NOT_CANCELLABLE");
    await tx.centreVisit.update({
      where: { id: visit.id },
      data: { status: "CANCELLED", openKey: null, cancelledAt: ctx.now },
    });
    await writeAudit(tx, {
      actor: { rnokpp, role: ctx.actor.role },
      action: "centreVisit.cancel",
      entityType: "CentreVisit",
      entityId: visit.id,
      details: { day, time: visit.time },
    });
  });
}
