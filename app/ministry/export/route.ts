import { apiRoute } from "@/lib/api/handler";
import { getActor } from "@/lib/auth/session";
import { exportDecisionsCsv } from "@/lib/enterprises/export-decisions-csv";
import { AppError } from "@/lib/errors";
import { createCtx } from "@/lib/context-server";

// The list as CSV, with the filters of the page's URL. The domain function checks the role
// and scopes the rows to the official's authority.
export const GET = apiRoute(async (request) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { text, fileName } = await exportDecisionsCsv(createCtx({ actor, readOnly: true }), { query });
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
