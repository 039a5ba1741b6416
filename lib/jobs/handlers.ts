import "server-only";
import type PgBoss from "pg-boss";
import {
  handleDecideApplication,
  handleNotifyDecidedEmployees,
  handleRequeueStuckApplications,
  handleSweepReservations,
  handlePruneStaffChanges,
  handleRefreshEmployeeListSnapshots,
  handlePurgeExpired,
  handleSendEmails,
  ZDecideApplicationJob,
  ZNoJobData,
} from "@/lib/reservations/job-handlers";
import {
  DECIDE_APPLICATION_QUEUE,
  DECIDE_WAKE_CHANNEL,
  NOTIFY_DECIDED_EMPLOYEES_QUEUE,
} from "@/lib/reservations/constants";
import { handleAnchorAuditDays } from "@/lib/audit/job-handlers";
import { handleRemindCentreVisits } from "@/lib/centres/job-handlers";
import type { z } from "@/lib/zod";

// The registry of background jobs: queue name → how its jobs are parsed and handled, the
// queue's retry policy and, for periodic jobs, a cron schedule. The worker creates every queue
// listed here, works it, and (un)schedules it. Add a job by appending a defineQueue(...) below.

export type JobContext = {
  /** The pg-boss job id, for logs and idempotency keys. */
  jobId: string;
  log: (line: string) => void;
};

export type QueueDefinition = {
  name: string;
  /** Parses a job's data: a job whose data does not fit fails without reaching the handler. */
  parse: (data: unknown) => unknown;
  handle: (data: never, context: JobContext) => Promise<void>;
  /** pg-boss queue options: retries, expiry, retention, policy. */
  queue?: Omit<PgBoss.Queue, "name">;
  work?: PgBoss.WorkOptions;
  /** Cron (UTC unless tz is given); the worker sends this queue a job on that schedule. */
  schedule?: { cron: string; data?: object; tz?: string };
  /**
   * Also send one job when the worker starts (a periodic check that must not wait for its first
   * tick). `{ oncePerSeconds }`: at most one such start-up job per slot of that many seconds,
   * however many workers start or restart in it — for a check that is costly at national scale.
   */
  runOnStart?: boolean | { oncePerSeconds: number };
  /**
   * A Postgres NOTIFY channel: a notification on it wakes this queue's worker at once instead
   * of at its next poll (pg-boss polls every 0.5 s at best). Senders notify after sending.
   */
  wakeOn?: string;
};

/** Ties a queue's data schema to its handler so the handler gets typed, parsed data. */
export function defineQueue<Schema extends z.ZodType>(definition: {
  name: string;
  data: Schema;
  handle: (data: z.output<Schema>, context: JobContext) => Promise<void>;
  queue?: Omit<PgBoss.Queue, "name">;
  work?: PgBoss.WorkOptions;
  schedule?: { cron: string; data?: z.input<Schema> & object; tz?: string };
  runOnStart?: boolean | { oncePerSeconds: number };
  wakeOn?: string;
}): QueueDefinition {
  return {
    name: definition.name,
    parse: (data) => definition.data.parse(data),
    handle: definition.handle as (data: never, context: JobContext) => Promise<void>,
    queue: definition.queue,
    work: definition.work,
    schedule: definition.schedule,
    runOnStart: definition.runOnStart,
    wakeOn: definition.wakeOn,
  };
}

export const JOB_QUEUES: ReadonlyArray<QueueDefinition> = [
  // Reservations (lib/reservations, docs/decisions/004-application-lifecycle.md).
  defineQueue({
    name: DECIDE_APPLICATION_QUEUE,
    data: ZDecideApplicationJob,
    handle: handleDecideApplication,
    // "short": one waiting job per application (singletonKey); retries back off from 1 s.
    queue: { policy: "short", retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 300 },
    // Decisions in seconds: woken by the submission's NOTIFY, else polled at pg-boss's fastest rate.
    work: { pollingIntervalSeconds: 0.5 },
    wakeOn: DECIDE_WAKE_CHANNEL,
  }),
  defineQueue({
    name: NOTIFY_DECIDED_EMPLOYEES_QUEUE,
    data: ZDecideApplicationJob,
    handle: handleNotifyDecidedEmployees,
    // One waiting job per application; the notices themselves are written exactly once.
    queue: { policy: "short", retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 300 },
    work: { pollingIntervalSeconds: 0.5 },
  }),
  defineQueue({
    name: "requeue-stuck-applications",
    data: ZNoJobData,
    handle: handleRequeueStuckApplications,
    queue: { policy: "short", retryLimit: 0, expireInSeconds: 120 },
    schedule: { cron: "* * * * *" },
    runOnStart: true,
  }),
  defineQueue({
    name: "sweep-reservations",
    data: ZNoJobData,
    handle: handleSweepReservations,
    queue: { policy: "short", retryLimit: 3, retryDelay: 60, expireInSeconds: 3600 },
    schedule: { cron: "10 0 * * *", tz: "Europe/Kyiv" },
    // The whole country's active marks (about 1.3 million at national scale) take minutes: a
    // worker that starts or restarts — two at once, or one replaced at the deadline-day peak —
    // catches up a missed night at most once per six hours instead of sweeping again each time.
    runOnStart: { oncePerSeconds: 6 * 3600 },
  }),
  defineQueue({
    name: "send-emails",
    data: ZNoJobData,
    handle: handleSendEmails,
    queue: { policy: "short", retryLimit: 2, retryDelay: 30, expireInSeconds: 300 },
    schedule: { cron: "* * * * *" },
    runOnStart: true,
  }),
  defineQueue({
    name: "purge-expired",
    data: ZNoJobData,
    handle: handlePurgeExpired,
    queue: { policy: "short", retryLimit: 3, retryDelay: 300, expireInSeconds: 600 },
    schedule: { cron: "30 3 * * *", tz: "Europe/Kyiv" },
  }),
  defineQueue({
    name: "prune-staff-changes",
    data: ZNoJobData,
    handle: handlePruneStaffChanges,
    queue: { policy: "short", retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
    schedule: { cron: "*/5 * * * *" },
  }),
  // The largest critical enterprises' employee lists, judged for today and kept in Postgres
  // (lib/reservations/refresh-employee-list-snapshots.ts). The first run of a day judges them all
  // (minutes at national scale); the staff changes it patches from are kept 15 minutes.
  defineQueue({
    name: "refresh-employee-list-snapshots",
    data: ZNoJobData,
    handle: handleRefreshEmployeeListSnapshots,
    // "stately": one run at a time, one waiting (a day's first run takes minutes at national scale).
    queue: { policy: "stately", retryLimit: 1, retryDelay: 60, expireInSeconds: 1800 },
    schedule: { cron: "*/5 * * * *" },
    runOnStart: { oncePerSeconds: 300 },
  }),
  // The audit chain's daily anchors, sealed soon after each Kyiv midnight (lib/audit).
  defineQueue({
    name: "anchor-audit-days",
    data: ZNoJobData,
    handle: handleAnchorAuditDays,
    queue: { policy: "short", retryLimit: 3, retryDelay: 300, expireInSeconds: 600 },
    schedule: { cron: "5 * * * *" },
    runOnStart: true,
  }),
  // The day-before reminder of visits to recruitment centres (lib/centres): each visit once;
  // hourly through the Kyiv day so that a visit booked in the evening for tomorrow is reminded too.
  defineQueue({
    name: "remind-centre-visits",
    data: ZNoJobData,
    handle: handleRemindCentreVisits,
    queue: { policy: "short", retryLimit: 3, retryDelay: 300, expireInSeconds: 600 },
    schedule: { cron: "0 9-21 * * *", tz: "Europe/Kyiv" },
    runOnStart: true,
  }),
];
