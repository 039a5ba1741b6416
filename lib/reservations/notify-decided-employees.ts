import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { notify } from "@/lib/notifications";
import { registryFor } from "@/lib/registry";
import type { Reason } from "@/lib/rules";
import { NOTIFY_DECIDED_EMPLOYEES_QUEUE, STUCK_AFTER_SECONDS } from "./constants";
import { sendApplicationJob } from "./enqueue-decision";
import { decidedEmployeeNotices } from "./lifecycle-notifications";
import { parseReasonDetails } from "./reason-views";

// The follow-up of a large decision (more than INLINE_NOTICES_UP_TO employees to tell): the
// decision commits with `noticesPending`, and this job writes each employee's notice (and its
// letter) from the items as the decision recorded them — the same words the decision would have
// written itself (decidedEmployeeNotices). Exactly once: the flag is cleared in the transaction
// that writes the notices, under the application row's lock, so a twin or retried job finds it
// cleared and writes nothing; a crash before the commit leaves it set for the retry. Nothing is
// lost between the decision and the job: the job is sent after the decision's commit, and the
// stuck-application sweeper sends it again for a decision still pending after half a minute.
// The enterprise's name is read when the job runs: renamed in between, the notice names it as
// the registry does by then.

/** Writes the pending notices of one decided application; the number written (0 when none were pending). */
export async function notifyDecidedEmployees(ctx: Ctx<"db">, input: { applicationId: string }): Promise<number> {
  return inTransaction(
    ctx.db,
    async (tx) => {
      const [application] = await tx.$queryRaw<Array<{ edrpou: string }>>`
        UPDATE applications SET "noticesPending" = false
        WHERE id = ${input.applicationId}::uuid AND "noticesPending" AND status = 'DECIDED'
        RETURNING edrpou`;
      if (!application) return 0;
      const enterprise = await registryFor(tx).findEnterprise(application.edrpou);
      const [row] = await tx.$queryRaw<Array<{ data: string | null }>>`
        SELECT json_agg(json_build_array(rnokpp, decision, "reasonDetails", "reservedUntil") ORDER BY position)::text AS data
        FROM application_items WHERE "applicationId" = ${input.applicationId}::uuid`;
      const items = row?.data ? (JSON.parse(row.data) as Array<[string, string | null, unknown, string | null]>) : [];
      const notices = decidedEmployeeNotices(
        items.map(([rnokpp, decision, stored, until]) => {
          const details = parseReasonDetails(stored);
          return {
            rnokpp,
            reserved: decision === "RESERVED",
            reasons: (details?.reasons ?? []) as Reason[],
            until,
            extension: details?.extension === true,
          };
        }),
        enterprise?.shortName ?? enterprise?.name ?? application.edrpou,
      );
      await notify(tx, notices);
      return notices.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Sends the job for a decided application (after its commit); the sweeper sends it again if this fails. */
export function enqueueEmployeeNotices(input: { applicationId: string }): Promise<boolean> {
  return sendApplicationJob(NOTIFY_DECIDED_EMPLOYEES_QUEUE, input.applicationId, "повідомлення працівникам за заявою");
}

/** Decided applications whose notices are still pending half a minute after the decision. */
export async function requeuePendingNotices(
  ctx: Ctx<"db" | "now">,
  input: { olderThanSeconds?: number; limit?: number } = {},
): Promise<string[]> {
  const before = new Date(ctx.now.getTime() - (input.olderThanSeconds ?? STUCK_AFTER_SECONDS) * 1000);
  const pending = await ctx.db.application.findMany({
    where: { noticesPending: true, status: "DECIDED", decidedAt: { lt: before } },
    orderBy: { decidedAt: "asc" },
    take: input.limit ?? 500,
    select: { id: true },
  });
  const requeued: string[] = [];
  for (const { id } of pending) if (await enqueueEmployeeNotices({ applicationId: id })) requeued.push(id);
  return requeued;
}
