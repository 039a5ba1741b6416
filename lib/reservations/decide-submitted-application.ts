import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { isAppError } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { decideAnnulmentRequest } from "./decide-annulment-request";
import { decideReservationRequest, prereadRecords, type FaultInjection } from "./decide-reservation-request";
import { lockEnterpriseDecisions } from "./find-enterprise-decision";
import { applicationFailedNotice } from "./lifecycle-notifications";
import { lockApplication } from "./locked-application";
import { enqueueEmployeeNotices } from "./notify-decided-employees";
import { isWriteConflict } from "./write-conflicts";
import { kyivDate } from "@/lib/format";

// The worker's job: decide one submitted application, exactly once, in ONE transaction.
//   1. lock the application row — a twin job waits, then finds it DECIDED and returns;
//   2. lock the enterprise's decision rows — its applications, annulments and daily checks run
//      one at a time, so concurrent applications can never exceed the limit;
//   3. re-read the facts, decide, write everything (see decide-*-request.ts; a reservation's
//      registry records are read ahead, before step 1, and only those changed since re-read);
//   4. after the commit, a large decision sends the job that tells its employees.
// A crash anywhere before the commit leaves no trace: the job is retried (pg-boss) or queued
// again (the stuck-application sweeper) and decides from scratch. A lost race for a person
// (another enterprise reserved them a moment earlier: the unique index refuses our row) or a
// deadlock reruns the transaction, which then sees the winner and refuses RESERVED_ELSEWHERE.
// A refusal of the whole request by the rules (a 4xx AppError) is final: the application is
// marked FAILED with the reason, and the head is told.

export type DecideSubmittedApplicationInput = {
  applicationId: string;
  /** Reliability tests only. */
  faults?: FaultInjection;
  /** Tests only: the largest number of employees told within the decision (INLINE_NOTICES_UP_TO). */
  inlineNoticesUpTo?: number;
};

export type DecideOutcome =
  | {
      outcome: "decided";
      kind: "RESERVATION" | "ANNULMENT";
      reserved: number;
      refused: number;
      /** The employees' notices follow in their own job (a large decision). */
      noticesPending: boolean;
      attempts: number;
    }
  | { outcome: "already-decided" | "missing"; attempts: number }
  | { outcome: "failed"; code: string; message: string; attempts: number };

const MAX_ATTEMPTS = 5;

/** Runs its own transaction per attempt: pass a ctx whose db is the client, not a transaction. */
export async function decideSubmittedApplication(
  ctx: Ctx<"db" | "now">,
  options: DecideSubmittedApplicationInput,
): Promise<DecideOutcome> {
  const { now } = ctx;
  const date = kyivDate(now);
  // Read ahead on the pool, before any lock; a failure here only means reading it all inside.
  const preread = await prereadRecords(ctx, options.applicationId, date).catch((error: unknown) => {
    console.warn(
      `[reservations] заява ${options.applicationId}: попереднє читання реєстру не вдалося, читаю все в транзакції:`,
      error instanceof Error ? error.message : error,
    );
    return null;
  });
  await options.faults?.afterPreread?.();
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await inTransaction(
        ctx.db,
        async (tx): Promise<DecideOutcome> => {
          const application = await lockApplication(tx, options.applicationId);
          if (!application) return { outcome: "missing", attempts: attempt };
          if (application.status === "DECIDED" || application.status === "FAILED")
            return { outcome: "already-decided", attempts: attempt };
          await lockEnterpriseDecisions(tx, application.edrpou);
          if (application.kind === "RESERVATION") {
            const counts = await decideReservationRequest(
              { db: tx, now },
              { application, date, preread, faults: options.faults, inlineNoticesUpTo: options.inlineNoticesUpTo },
            );
            return { outcome: "decided", kind: "RESERVATION", ...counts, attempts: attempt };
          }
          const counts = await decideAnnulmentRequest({ db: tx, now }, { application, date });
          return {
            outcome: "decided",
            kind: "ANNULMENT",
            reserved: counts.annulled,
            refused: counts.refused,
            noticesPending: false,
            attempts: attempt,
          };
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
      if (outcome.outcome === "decided" && outcome.noticesPending)
        await enqueueEmployeeNotices({ applicationId: options.applicationId });
      return outcome;
    } catch (error) {
      if (isWriteConflict(error) && attempt < MAX_ATTEMPTS) continue;
      if (isAppError(error) && error.status < 500)
        return recordFailure(ctx, options.applicationId, error.code, error.message, now, attempt);
      throw error;
    }
  }
}

async function recordFailure(
  ctx: Ctx<"db">,
  applicationId: string,
  code: string,
  message: string,
  now: Date,
  attempts: number,
): Promise<DecideOutcome> {
  return inTransaction(ctx.db, async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (!application) return { outcome: "missing", attempts };
    if (application.status === "DECIDED" || application.status === "FAILED")
      return { outcome: "already-decided", attempts };
    await tx.application.update({
      where: { id: applicationId },
      data: { status: "FAILED", decidedAt: now, failureReason: `${code}: ${message}` },
    });
    await writeAudit(tx, {
      actor: null,
      action: "application.fail",
      entityType: "Application",
      entityId: applicationId,
      edrpou: application.edrpou,
      details: { code, message },
    });
    await notify(tx, [applicationFailedNotice(application.signerRnokpp, applicationId, message)]);
    return { outcome: "failed", code, message, attempts };
  });
}
