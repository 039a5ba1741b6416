import "server-only";
import { getSenderBoss } from "@/lib/jobs/boss";
import type { Ctx } from "@/lib/context";
import { DECIDE_APPLICATION_QUEUE, DECIDE_WAKE_CHANNEL } from "./constants";

// Hands a committed application to the worker. Called after the commit, so it may fail (the
// worker's queue not created yet, the database briefly away): that is logged, not thrown —
// the application is already safe in its table, and the stuck-application sweeper queues it
// again within a minute. One job per application: the queue's policy drops a second one
// while the first still waits, and the decision itself is exactly-once in any case.

/** True when a job was created; false when one already waits, or the queue is not there yet. */
export async function enqueueDecision(ctx: Ctx<"db">, input: { applicationId: string }): Promise<boolean> {
  const { applicationId } = input;
  try {
    const boss = await getSenderBoss();
    // pg-boss answers null, not an error, both for a duplicate and for a queue the worker has
    // not created yet: either way the application stays QUEUED for the sweeper to find.
    const jobId = await boss.send(DECIDE_APPLICATION_QUEUE, { applicationId }, { singletonKey: applicationId });
    // Wake the worker now rather than at its next poll (up to half a second away).
    if (jobId !== null) await ctx.db.$executeRaw`SELECT pg_notify(${DECIDE_WAKE_CHANNEL}, '')`;
    return jobId !== null;
  } catch (error) {
    console.warn(
      `[reservations] заяву ${applicationId} не поставлено в чергу одразу (її підбере повторна постановка):`,
      error instanceof Error ? error.message : error,
    );
    return false;
  }
}
