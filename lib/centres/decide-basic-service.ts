import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format/date";
import { notify } from "@/lib/notifications";
import { recruiterCentreId } from "./recruiter-centre";
import { ZBasicServiceDecision } from "./schemas";

/**
 * The centre's recruiter accepts or declines a basic-service application of their own centre;
 * the registry records the outcome and the citizen is told, in the same transaction. Another
 * centre's application is not found; one already answered is a conflict.
 */
export async function decideBasicService(ctx: Ctx<"actor" | "db" | "registry" | "now">, input: unknown): Promise<void> {
  const centreId = recruiterCentreId(ctx.actor, "basicService.decide");
  const { applicationId, decision, comment } = parseInput(ZBasicServiceDecision, input);
  const actor = ctx.actor;
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: string; status: string; rnokpp: string; specialty: string }>>`
      SELECT id, status::text AS status, rnokpp, specialty FROM public.basic_service_applications WHERE id = ${applicationId}::uuid AND "centreId" = ${centreId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "Заяву не знайдено");
    if (row.status !== "SUBMITTED") throw new AppError("BASIC_SERVICE_DECIDED");
    const centre = await tx.recruitmentCentre.findUniqueOrThrow({
      where: { id: centreId },
      select: { name: true, address: true, phone: true },
    });
    await tx.basicServiceApplication.update({
      where: { id: row.id },
      data: {
        status: decision,
        openKey: decision === "ACCEPTED" ? row.rnokpp : null,
        decidedAt: ctx.now,
        decidedByRnokpp: actor.rnokpp,
        decisionComment: comment,
      },
    });
    await ctx.registry.recordBasicServiceOutcome(tx, {
      rnokpp: row.rnokpp,
      outcome: decision,
      centreName: centre.name,
      specialty: row.specialty,
      on: kyivDate(ctx.now),
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: `basicService.${decision === "ACCEPTED" ? "accept" : "decline"}`,
      entityType: "BasicServiceApplication",
      entityId: row.id,
      details: { centreId, comment },
    });
    await notify(tx, [
      {
        recipientRnokpp: row.rnokpp,
        audience: "me",
        kind: "basicService.decided",
        title:
          decision === "ACCEPTED"
            ? "Заяву на базову військову службу прийнято"
            : "Заяву на базову військову службу відхилено",
        body:
          decision === "ACCEPTED"
            ? `${centre.name} прийняв вашу заяву (спеціальність «${row.specialty}»). Рекрутер зв'яжеться з вами щодо ВЛК і дати початку служби; телефон центру ${centre.phone}.${comment ? ` ${comment}` : ""}`
            : `${centre.name}: ${comment ?? ""}`,
        link: "/me/basic-service",
        email: true,
      },
    ]);
  });
}
