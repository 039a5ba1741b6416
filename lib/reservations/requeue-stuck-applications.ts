import "server-only";
import type { Ctx } from "@/lib/context";
import { STUCK_AFTER_SECONDS } from "./constants";
import { enqueueDecision } from "./enqueue-decision";

// The guarantee that nothing submitted is lost: the job is sent after the commit, and that
// send may fail (or its retries run out while the database was away). Every minute the
// worker queues again each application still undecided well after its submission; a job that
// is still waiting makes the new one a no-op (one waiting job per application), and a
// decision made meanwhile makes it return at once. The same job sends again the employees'
// notices of a large decision still pending half a minute after it (notify-decided-employees.ts).

export async function requeueStuckApplications(
  ctx: Ctx<"db" | "now">,
  input: { olderThanSeconds?: number; limit?: number } = {},
): Promise<string[]> {
  const before = new Date(ctx.now.getTime() - (input.olderThanSeconds ?? STUCK_AFTER_SECONDS) * 1000);
  const stuck = await ctx.db.application.findMany({
    where: { status: { in: ["QUEUED", "PROCESSING"] }, submittedAt: { lt: before } },
    orderBy: { submittedAt: "asc" },
    take: input.limit ?? 500,
    select: { id: true },
  });
  const requeued: string[] = [];
  for (const { id } of stuck) if (await enqueueDecision(ctx, { applicationId: id })) requeued.push(id);
  return requeued;
}
