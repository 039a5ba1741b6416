import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute, readJson } from "@/lib/api/handler";
import { jsonResponse, presentEmployees } from "@/lib/api/v1/present";
import { ZEmployeesSearchBody, ZEnterprisePath } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { listEmployees } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** The employee list searched by a name or a РНОКПП given in the body, never in the URL. */
export const POST = apiRoute<{ edrpou: string }>(async (request, { params }) => {
  const actor = await authenticateRequest(request);
  const { edrpou } = parseInput(ZEnterprisePath, await params);
  const query = parseInput(ZEmployeesSearchBody, await readJson(request, 10_000));
  return jsonResponse(
    presentEmployees(await listEmployees(createCtx({ actor }), { edrpou, ...query, revealRnokpp: true })),
  );
});
