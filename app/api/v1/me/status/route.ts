import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { getMyStatus } from "@/lib/citizen/get-my-status";
import { readSessionCitizen } from "@/lib/citizen/read-session-citizen";
import { createCtx } from "@/lib/context-server";

// GET /api/v1/me/status — the signed-in citizen's registry status and reservation in force.
// The app's hottest request: identity from the session cookie alone, then one indexed registry
// read that also confirms the person is still on the military register (scripts/bench/me-status.bench.ts).
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const now = new Date();
  // The sign-out deny-list is read from the primary: a revoked session stops at once.
  const rnokpp = await readSessionCitizen(createCtx({ actor: null, now }), request as NextRequest);
  const status = await getMyStatus(createCtx({ actor: null, now, readOnly: true }), { rnokpp });
  return Response.json(status, { headers: { "cache-control": "private, no-store" } });
});
