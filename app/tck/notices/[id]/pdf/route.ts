import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { noticePdfResponse } from "@/lib/notices/pdf-response";
import { renderNoticeBatchPdf } from "@/lib/notices/render-notice-batch-pdf";

// The signed batch's notices for printing (?part=N of a large batch), one A4 page each.
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { id } = await params;
  const part = new URL(request.url).searchParams.get("part") ?? undefined;
  return noticePdfResponse(await renderNoticeBatchPdf(createCtx({ actor }), { batchId: id, part }));
});
