import { authenticateRequest } from "@/lib/api/authenticate-request";
import { apiRoute } from "@/lib/api/handler";
import { jsonResponse, presentEmployees } from "@/lib/api/v1/present";
import { refuseRnokppInQuery, ZEmployeesQuery, ZEnterprisePath } from "@/lib/api/v1/schemas";
import { parseInput } from "@/lib/errors";
import { listEmployees } from "@/lib/reservations";
import { createCtx } from "@/lib/context-server";

export const dynamic = "force-dynamic";

/** The enterprise's employees with eligibility (without the limit) and reasons. */
export const GET = apiRoute<{ edrpou: string }>(async (request, { params }) => {
  const searchParams = new URL(request.url).searchParams;
  refuseRnokppInQuery(searchParams);
  const actor = await authenticateRequest(request);
  const { edrpou } = parseInput(ZEnterprisePath, await params);
  const query = parseInput(ZEmployeesQuery, Object.fromEntries(searchParams));
  return jsonResponse(
    presentEmployees(await listEmployees(createCtx({ actor }), { edrpou, ...query, revealRnokpp: true })),
  );
});
