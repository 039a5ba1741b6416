import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { CABINET_PERMISSION, can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { exportApplicationCsv } from "@/lib/company/export-application-csv";
import { createCtx } from "@/lib/context-server";

// GET /company/applications/<id>/csv: the application's results for Excel. Only the enterprise's
// head and authorized persons; another enterprise's application is 404.

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, CABINET_PERMISSION.company)) throw new AppError("NOT_FOUND");
  const file = await exportApplicationCsv(createCtx({ actor }), { applicationId: id });
  return new Response(file.text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
