import "server-only";
import type { Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format/date";
import { decideBasicServiceEligibility } from "@/lib/rules/basic-service";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { notifyCentreRecruiters } from "./notify-centre-recruiters";
import { ZApplyForBasicService } from "./schemas";

/**
 * A призовник aged 18–24 applies for basic military service, choosing a specialty and a centre.
 * Eligibility is decided from the registry on the Kyiv day of the request; one live application
 * per person (a unique key, so two taps at once open one). Refusals write nothing.
 */
export async function applyForBasicService(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ applicationId: string }> {
  const rnokpp = citizenRnokpp(ctx.actor, "basicService.apply");
  const { centreId, specialty } = parseInput(ZApplyForBasicService, input);
  const person = await ctx.registry.findPerson(rnokpp);
  if (!person) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");
  const decision = decideBasicServiceEligibility({
    birthDate: person.birthDate,
    sex: person.sex,
    registration: person.military,
    today: kyivDate(ctx.now),
  });
  if (!decision.eligible) throw new AppError("BASIC_SERVICE_NOT_ELIGIBLE", decision.message);

  return inTransaction(ctx.db, async (tx) => {
    const centre = await tx.recruitmentCentre.findUnique({ where: { id: centreId }, select: { id: true, name: true } });
    if (!centre) throw new AppError("CENTRE_NOT_FOUND");
    // The unique openKey turns a concurrent second application into a conflict, not a second row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`basic-service:${rnokpp}`}))`;
    if (await tx.basicServiceApplication.findUnique({ where: { openKey: rnokpp }, select: { id: true } }))
      throw new AppError("BASIC_SERVICE_OPEN");
    const application = await tx.basicServiceApplication.create({
      data: {
        rnokpp,
        fullName: person.fullName,
        birthDate: isoDateToUtc(person.birthDate),
        centreId,
        specialty,
        openKey: rnokpp,
        createdAt: ctx.now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp, role: ctx.actor.role },
      action: "basicService.apply",
      entityType: "BasicServiceApplication",
      entityId: application.id,
      details: { centreId, specialty, age: decision.age },
    });
    await notifyCentreRecruiters(tx, centre.id, {
      kind: "basicService.submitted",
      title: "Нова заява на базову військову службу",
      body: `${person.fullName}, ${decision.age} р., обрав спеціальність «${specialty}».`,
      link: "/centre/basic-service",
    });
    return { applicationId: application.id };
  });
}
