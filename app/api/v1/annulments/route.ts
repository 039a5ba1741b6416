import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute, readJson } from "@/lib/api/handler";
import { jsonResponse, presentSubmitted } from "@/lib/api/v1/present";
import { ZSignedSubmissionBody } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { submitAnnulment } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** Submits a signed annulment draft; its result is read at GET /api/v1/applications/{id}. */
export const POST = apiRoute(async (request) => {
  const actor = await authenticateRequest(request);
  const body = parseInput(ZSignedSubmissionBody, await readJson(request, 200_000));
  return jsonResponse(presentSubmitted(await submitAnnulment(createCtx({ actor }), body)), 202);
});
