import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listMyVacancyApplications } from "@/lib/recruitment/list-my-vacancy-applications";
import { createCtx } from "@/lib/context-server";

// GET /api/v1/me/applications — the signed-in citizen's own applications to vacancies.
export const GET = apiRoute(async () => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const applications = await listMyVacancyApplications(createCtx({ actor }));
  return Response.json({ applications }, { headers: { "cache-control": "private, no-store" } });
});
