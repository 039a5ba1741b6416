import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { recruiterUnitId } from "./recruiter-unit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One vacancy of the recruiter's own unit, for the edit form; another unit's is NOT_FOUND. */
export async function getUnitVacancy(ctx: Ctx<"actor" | "db">, input: { vacancyId: string }) {
  const unitId = recruiterUnitId(ctx.actor, "vacancies.manage");
  const vacancy = UUID.test(input.vacancyId)
    ? await ctx.db.vacancy.findFirst({
        where: { id: input.vacancyId, unitId },
        select: {
          id: true,
          title: true,
          specialty: true,
          region: true,
          requirements: true,
          description: true,
          status: true,
          publishedAt: true,
          closedAt: true,
        },
      })
    : null;
  if (!vacancy) throw new AppError("NOT_FOUND", "Вакансію не знайдено");
  return vacancy;
}
