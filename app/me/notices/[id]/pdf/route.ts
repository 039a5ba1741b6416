import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { noticePdfResponse } from "@/lib/notices/pdf-response";
import { renderNoticePdf } from "@/lib/notices/render-notice-pdf";

// The citizen's own notice as its printed form (a withdrawn one comes stamped «ВІДКЛИКАНО»).
export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id } = await params;
  return noticePdfResponse(await renderNoticePdf(createCtx({ actor }), { as: "addressee", noticeId: id }));
});
