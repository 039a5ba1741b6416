import { apiRoute } from "@/lib/api/handler";
import { getSession } from "@/lib/auth/session";
import { getMyStatus } from "@/lib/citizen/get-my-status";
import { AppError } from "@/lib/errors";

// GET /api/v1/me/status — the signed-in citizen's registry status and reservation in force.
// The app's hottest request: identity from the session cookie alone (no role re-listing), then
// one indexed registry read. Being a conscript means holding a military registration, and that
// read returns none for anyone else, so the check and the data come from the same row.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const session = await getSession();
  if (!session?.rnokpp) throw new AppError("UNAUTHENTICATED", "Увійдіть, щоб побачити свій статус");
  if (session.activeRole?.role !== "CONSCRIPT") throw new AppError("FORBIDDEN", "Статус доступний у ролі військовозобов'язаного");
  const status = await getMyStatus({ rnokpp: session.rnokpp, now: new Date() });
  return Response.json(status, { headers: { "cache-control": "private, no-store" } });
});
