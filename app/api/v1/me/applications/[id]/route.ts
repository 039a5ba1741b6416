import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getMyVacancyApplication } from "@/lib/recruitment/get-my-vacancy-application";
import { createCtx } from "@/lib/context-server";

// GET /api/v1/me/applications/<id> — one of the citizen's own applications; anyone else's is 404.
export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id } = await params;
  const application = await getMyVacancyApplication(createCtx({ actor }), { applicationId: id });
  return Response.json({ application }, { headers: { "cache-control": "private, no-store" } });
});
