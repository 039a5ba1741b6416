import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runner (lib/db/health.ts). */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health.body, { status: health.status });
}
