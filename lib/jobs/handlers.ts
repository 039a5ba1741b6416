import "server-only";
import type PgBoss from "pg-boss";
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
};

/** Ties a queue's data schema to its handler so the handler gets typed, parsed data. */
export function defineQueue<Schema extends z.ZodType>(definition: {
  name: string;
  data: Schema;
  handle: (data: z.output<Schema>, context: JobContext) => Promise<void>;
  queue?: Omit<PgBoss.Queue, "name">;
  work?: PgBoss.WorkOptions;
  schedule?: { cron: string; data?: z.input<Schema> & object; tz?: string };
}): QueueDefinition {
  return {
    name: definition.name,
    parse: (data) => definition.data.parse(data),
    handle: definition.handle as (data: never, context: JobContext) => Promise<void>,
    queue: definition.queue,
    work: definition.work,
    schedule: definition.schedule,
  };
}

export const JOB_QUEUES: ReadonlyArray<QueueDefinition> = [];
