import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse, presentApplication } from "@/lib/api/v1/present";
import { ZApplicationPath } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { getApplication } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** An application (or annulment) with each employee's result, reasons and term. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticateRequest(request);
  const { id } = parseInput(ZApplicationPath, await params);
  return jsonResponse(presentApplication(await getApplication(createCtx({ actor }), { applicationId: id })));
});
