import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { Prisma } from "@/lib/db/client";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { registryFor } from "@/lib/registry";
import { applicantEligibility } from "@/lib/rules";
import { notifyUnitRecruiters } from "./notify-unit-recruiters";
import { ZApplyToVacancy } from "./schemas";

/**
 * The second click: the citizen's application to an open vacancy. One per vacancy and person
 * (a withdrawn one may be renewed); only a person on the military register may apply, and a
 * person «у розшуку» is accepted with a flag the unit sees (lib/rules/recruitment-eligibility.ts).
 */
export async function applyToVacancy(ctx: Ctx<"actor" | "db" | "now">, input: unknown) {
  const { actor, db, now } = ctx;
  const rnokpp = citizenRnokpp(actor, "vacancies.apply");
  const { vacancyId, comment } = parseInput(ZApplyToVacancy, input);

  const submit = () =>
    inTransaction(db, async (tx) => {
      const vacancy = await tx.vacancy.findUnique({
        where: { id: vacancyId },
        select: { id: true, status: true, title: true, unitId: true, unit: { select: { code: true } } },
      });
      if (!vacancy) throw new AppError("NOT_FOUND", "Вакансію не знайдено");
      if (vacancy.status !== "OPEN")
        throw new AppError("VACANCY_CLOSED", "Вакансію вже закрито: відгукнутися на неї не можна");

      const person = await registryFor(tx).findPerson(rnokpp);
      const eligibility = applicantEligibility(person?.military ?? null);
      if (!eligibility.allowed) throw new AppError(eligibility.code, eligibility.message);

      const existing = await tx.vacancyApplication.findUnique({
        where: { vacancyId_rnokpp: { vacancyId, rnokpp } },
        select: { id: true, status: true },
      });
      if (existing && existing.status !== "WITHDRAWN") {
        throw new AppError(
          "ALREADY_APPLIED",
          existing.status === "SUBMITTED" || existing.status === "ACCEPTED"
            ? "Ви вже відгукнулися на цю вакансію"
            : "Частина вже відповіла на ваш відгук на цю вакансію",
        );
      }
      const data = {
        status: "SUBMITTED" as const,
        comment,
        createdAt: now,
        decidedAt: null,
        decisionComment: null,
        decidedByRnokpp: null,
      };
      const application = existing
        ? await tx.vacancyApplication.update({ where: { id: existing.id }, data, select: { id: true, status: true } })
        : await tx.vacancyApplication.create({
            data: { ...data, vacancyId, rnokpp },
            select: { id: true, status: true },
          });

      await writeAudit(tx, {
        actor: { rnokpp, role: actor!.role },
        action: existing ? "vacancyApplication.renew" : "vacancyApplication.submit",
        entityType: "VacancyApplication",
        entityId: application.id,
        details: { vacancyId, unitId: vacancy.unitId, wanted: eligibility.wanted },
      });
      await notify(tx, [
        {
          recipientRnokpp: rnokpp,
          audience: "me",
          kind: "vacancyApplication.submitted",
          title: `Відгук на вакансію «${vacancy.title}» подано`,
          body: `Військова частина ${vacancy.unit.code} розгляне ваш відгук і зв'яжеться з вами. Статус видно в розділі «Мої відгуки».`,
          link: `/me/applications/${application.id}`,
          email: false,
        },
      ]);
      await notifyUnitRecruiters(tx, vacancy.unitId, {
        kind: "vacancyApplication.received",
        title: `Новий відгук на вакансію «${vacancy.title}»`,
        body: eligibility.wanted
          ? "Кандидат перебуває в розшуку ТЦК та СП: узгодьте його прибуття з ТЦК."
          : "Перегляньте кандидата і дайте відповідь.",
        link: `/unit/applications/${application.id}`,
      });
      return { id: application.id, status: application.status, wanted: eligibility.wanted };
    });
  try {
    return await submit();
  } catch (error) {
    // Two confirmations racing: the unique (vacancy, person) index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ALREADY_APPLIED", "Ви вже відгукнулися на цю вакансію");
    }
    throw error;
  }
}
