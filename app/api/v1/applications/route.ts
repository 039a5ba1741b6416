import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute, readJson } from "@/lib/api/handler";
import { jsonResponse, presentSubmitted } from "@/lib/api/v1/present";
import { ZSignedSubmissionBody } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { submitApplication } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** Submits a signed reservation draft; the decision follows within seconds (poll GET …/{id}). */
export const POST = apiRoute(async (request) => {
  const actor = await authenticateRequest(request);
  const body = parseInput(ZSignedSubmissionBody, await readJson(request, 200_000));
  return jsonResponse(presentSubmitted(await submitApplication(createCtx({ actor }), body)), 202);
});
