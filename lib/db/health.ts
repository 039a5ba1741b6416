import "server-only";
import { db } from "./client";

// Liveness and database reachability, for load balancers and the test runner: GET /api/health
// on the web server (app/api/health/route.ts) and on the status API's own processes
// (scripts/server/status-api.ts) answer with this.

export type Health =
  { status: 200; body: { status: "ok" } } | { status: 503; body: { status: "error"; message: string } };

export async function checkHealth(): Promise<Health> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: 200, body: { status: "ok" } };
  } catch {
    return { status: 503, body: { status: "error", message: "База даних недоступна" } };
  }
}
