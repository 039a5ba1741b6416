import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute, readJson } from "@/lib/api/handler";
import { jsonResponse, presentReservationDraft } from "@/lib/api/v1/present";
import { ZReservationDraftBody } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { createReservationDraft } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** A reservation draft: the pre-check and the exact bytes (base64) the head signs. */
export const POST = apiRoute(async (request) => {
  const actor = await authenticateRequest(request);
  const body = parseInput(ZReservationDraftBody, await readJson(request, 4_000_000));
  return jsonResponse(presentReservationDraft(await createReservationDraft(createCtx({ actor }), body)), 201);
});
