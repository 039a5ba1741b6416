import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { recruiterUnitId } from "./recruiter-unit";
import { ZVacancyId } from "./schemas";

const CLOSED_COMMENT = "Вакансію закрито: набір на цю посаду завершено.";

/**
 * A recruiter closes a vacancy of their own unit. Applications still waiting for an answer are
 * declined with that explanation, so no candidate waits for a reply that will not come.
 */
export async function closeVacancy(ctx: Ctx<"actor" | "db" | "now">, input: unknown) {
  const { actor, db, now } = ctx;
  const unitId = recruiterUnitId(actor, "vacancies.manage");
  const { vacancyId } = parseInput(ZVacancyId, input);
  return inTransaction(db, async (tx) => {
    const vacancy = await tx.vacancy.findFirst({
      where: { id: vacancyId, unitId },
      select: { title: true, unit: { select: { code: true } } },
    });
    if (!vacancy) throw new AppError("NOT_FOUND", "Вакансію не знайдено");
    const { count } = await tx.vacancy.updateMany({
      where: { id: vacancyId, unitId, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "Вакансію вже закрито");

    const waiting = await tx.vacancyApplication.findMany({
      where: { vacancyId, status: "SUBMITTED" },
      select: { id: true, rnokpp: true },
    });
    if (waiting.length > 0) {
      await tx.vacancyApplication.updateMany({
        where: { id: { in: waiting.map((a) => a.id) }, status: "SUBMITTED" },
        data: { status: "DECLINED", decisionComment: CLOSED_COMMENT, decidedAt: now, decidedByRnokpp: actor!.rnokpp },
      });
      await notify(
        tx,
        waiting.map((a) => ({
          recipientRnokpp: a.rnokpp,
          audience: "me" as const,
          kind: "vacancyApplication.declined",
          title: `Вакансію «${vacancy.title}» закрито`,
          body: `Військова частина ${vacancy.unit.code} закрила вакансію, тому ваш відгук відхилено. Ви можете відгукнутися на інші вакансії.`,
          link: `/me/applications/${a.id}`,
        })),
      );
    }
    await writeAudit(tx, {
      actor: { rnokpp: actor!.rnokpp, role: actor!.role },
      action: "vacancy.close",
      entityType: "Vacancy",
      entityId: vacancyId,
      details: { unitId, declined: waiting.length },
    });
    return { id: vacancyId, declined: waiting.length };
  });
}
