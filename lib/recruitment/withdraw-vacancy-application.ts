import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { notifyUnitRecruiters } from "./notify-unit-recruiters";
import { ZVacancyApplicationId } from "./schemas";

/** The citizen withdraws their own application while the unit has not answered it yet. */
export async function withdrawVacancyApplication(ctx: Ctx<"actor" | "db" | "now">, input: unknown) {
  const { actor, db, now } = ctx;
  const rnokpp = citizenRnokpp(actor, "vacancies.apply");
  const { applicationId } = parseInput(ZVacancyApplicationId, input);

  return inTransaction(db, async (tx) => {
    // Scoped to the citizen: someone else's application is "not found", never "forbidden".
    const application = await tx.vacancyApplication.findFirst({
      where: { id: applicationId, rnokpp },
      select: { id: true, status: true, vacancy: { select: { title: true, unitId: true } } },
    });
    if (!application) throw new AppError("NOT_FOUND", "Відгук не знайдено");
    // The status guard is in the update itself, so a decision that lands meanwhile wins.
    const { count } = await tx.vacancyApplication.updateMany({
      where: { id: applicationId, rnokpp, status: "SUBMITTED" },
      data: { status: "WITHDRAWN", decidedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "Відкликати можна лише відгук, на який частина ще не відповіла");

    await writeAudit(tx, {
      actor: { rnokpp, role: actor!.role },
      action: "vacancyApplication.withdraw",
      entityType: "VacancyApplication",
      entityId: applicationId,
    });
    await notifyUnitRecruiters(tx, application.vacancy.unitId, {
      kind: "vacancyApplication.withdrawn",
      title: `Кандидат відкликав відгук на вакансію «${application.vacancy.title}»`,
      body: "Відповідати на цей відгук більше не потрібно.",
      link: `/unit/applications/${applicationId}`,
    });
    return { id: applicationId, status: "WITHDRAWN" as const };
  });
}
