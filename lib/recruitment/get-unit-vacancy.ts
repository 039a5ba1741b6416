import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recruiterUnitId } from "./recruiter-unit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One vacancy of the recruiter's own unit, for the edit form; another unit's is NOT_FOUND. */
export async function getUnitVacancy(options: { actor: Actor | null; vacancyId: string; db?: DbTx }) {
  const unitId = recruiterUnitId(options.actor, "vacancies.manage");
  const vacancy = UUID.test(options.vacancyId)
    ? await (options.db ?? defaultDb).vacancy.findFirst({
        where: { id: options.vacancyId, unitId },
        select: { id: true, title: true, specialty: true, region: true, requirements: true, description: true, status: true, publishedAt: true, closedAt: true },
      })
    : null;
  if (!vacancy) throw new AppError("NOT_FOUND", "Вакансію не знайдено");
  return vacancy;
}
