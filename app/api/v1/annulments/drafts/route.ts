import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute, readJson } from "@/lib/api/handler";
import { jsonResponse, presentAnnulmentDraft } from "@/lib/api/v1/present";
import { ZAnnulmentDraftBody } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { createAnnulmentDraft } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** An annulment draft: the pre-check and the exact bytes (base64) the head signs. */
export const POST = apiRoute(async (request) => {
  const actor = await authenticateRequest(request);
  const body = parseInput(ZAnnulmentDraftBody, await readJson(request, 2_000_000));
  const draft = await createAnnulmentDraft(createCtx({ actor }), body);
  return jsonResponse(presentAnnulmentDraft(draft), 201);
});
