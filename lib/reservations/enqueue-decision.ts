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
  const sent = await sendApplicationJob(DECIDE_APPLICATION_QUEUE, input.applicationId, "заяву");
  // Wake the worker now rather than at its next poll (up to half a second away).
  if (sent)
    await ctx.db.$executeRaw`SELECT pg_notify(${DECIDE_WAKE_CHANNEL}, '')`.catch((error: unknown) =>
      console.warn(
        `[reservations] заяву ${input.applicationId} поставлено в чергу, але обробник не розбуджено (підбере за опитуванням):`,
        error instanceof Error ? error.message : error,
      ),
    );
  return sent;
}

/**
 * One job about an application on a queue, sent after the commit that calls for it: one waiting
 * job per application (singletonKey). A failure is logged, not thrown — the stuck-application
 * sweeper sends the job again. `what` names the job in the log.
 */
export async function sendApplicationJob(queue: string, applicationId: string, what: string): Promise<boolean> {
  try {
    const boss = await getSenderBoss();
    // pg-boss answers null, not an error, both for a duplicate and for a queue the worker has
    // not created yet: either way the sweeper finds the application again.
    return (await boss.send(queue, { applicationId }, { singletonKey: applicationId })) !== null;
  } catch (error) {
    console.warn(
      `[reservations] ${what} ${applicationId} не поставлено в чергу ${queue} одразу (повторна перевірка поставить ще раз):`,
      error instanceof Error ? error.message : error,
    );
    return false;
  }
}
