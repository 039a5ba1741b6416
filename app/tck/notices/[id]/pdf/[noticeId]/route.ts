import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { noticePdfResponse } from "@/lib/notices/pdf-response";
import { renderNoticePdf } from "@/lib/notices/render-notice-pdf";

// One notice of the batch, printed alone (a lost letter, a notice handed over in person).
export const GET = apiRoute<{ id: string; noticeId: string }>(async (_request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id, noticeId } = await params;
  return noticePdfResponse(await renderNoticePdf(createCtx({ actor }), { as: "tcc", noticeId, batchId: id }));
});
