import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MY_APPLICATION_SELECT, type MyVacancyApplication } from "./list-my-vacancy-applications";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the citizen's own applications. Another person's, or a malformed id, is NOT_FOUND alike. */
export async function getMyVacancyApplication(options: { actor: Actor | null; applicationId: string; db?: DbTx }): Promise<MyVacancyApplication> {
  const rnokpp = citizenRnokpp(options.actor, "vacancies.apply");
  const found = UUID.test(options.applicationId)
    ? await (options.db ?? defaultDb).vacancyApplication.findFirst({ where: { id: options.applicationId, rnokpp }, select: MY_APPLICATION_SELECT })
    : null;
  if (!found) throw new AppError("NOT_FOUND", "Відгук не знайдено");
  return found;
}
