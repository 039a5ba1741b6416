import "server-only";
import { db } from "@/lib/db/client";
import { STUCK_AFTER_SECONDS } from "./constants";
import { enqueueDecision } from "./enqueue-decision";

// The guarantee that nothing submitted is lost: the job is sent after the commit, and that
// send may fail (or its retries run out while the database was away). Every minute the
// worker queues again each application still undecided well after its submission; a job that
// is still waiting makes the new one a no-op (one waiting job per application), and a
// decision made meanwhile makes it return at once.

export async function requeueStuckApplications(options: { now?: Date; olderThanSeconds?: number; limit?: number } = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.olderThanSeconds ?? STUCK_AFTER_SECONDS) * 1000);
  const stuck = await db.application.findMany({
    where: { status: { in: ["QUEUED", "PROCESSING"] }, submittedAt: { lt: before } },
    orderBy: { submittedAt: "asc" },
    take: options.limit ?? 500,
    select: { id: true },
  });
  const requeued: string[] = [];
  for (const { id } of stuck) if (await enqueueDecision(id)) requeued.push(id);
  return requeued;
}
