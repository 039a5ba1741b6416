import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { AppError } from "@/lib/errors";
import { MY_APPLICATION_SELECT, type MyVacancyApplication } from "./list-my-vacancy-applications";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the citizen's own applications. Another person's, or a malformed id, is NOT_FOUND alike. */
export async function getMyVacancyApplication(
  ctx: Ctx<"actor" | "db">,
  input: { applicationId: string },
): Promise<MyVacancyApplication> {
  const rnokpp = citizenRnokpp(ctx.actor, "vacancies.apply");
  const found = UUID.test(input.applicationId)
    ? await ctx.db.vacancyApplication.findFirst({
        where: { id: input.applicationId, rnokpp },
        select: MY_APPLICATION_SELECT,
      })
    : null;
  if (!found) throw new AppError("NOT_FOUND", "Відгук не знайдено");
  return found;
}
