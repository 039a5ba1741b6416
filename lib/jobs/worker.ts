import "server-only";
import pg from "pg";
import type PgBoss from "pg-boss";
import { z } from "@/lib/zod";
import { createBoss } from "./boss";
import { JOB_QUEUES, type QueueDefinition } from "./handlers";
import { listenForWakeUps, type WakeUpListener } from "./wake-up-listener";

export type StartWorkerOptions = {
  databaseUrl: string;
  log: (line: string) => void;
  /** Defaults to the registry in handlers.ts; tests pass their own. */
  queues?: ReadonlyArray<QueueDefinition>;
};

export type RunningWorker = {
  /** Lets running jobs finish (up to `timeoutMs`), then closes the pool. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

function describe(error: unknown): string {
  if (error instanceof z.ZodError)
    return `неправильні дані завдання: ${error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`).join("; ")}`;
  return error instanceof Error ? error.message : String(error);
}

/** Creates or updates each queue so that its options follow the registry. pg-boss 10 needs a
 *  queue to exist before send() or work(). */
export async function ensureQueues(boss: PgBoss, queues: ReadonlyArray<QueueDefinition>): Promise<void> {
  for (const definition of queues) {
    const options = { name: definition.name, ...definition.queue };
    if (await boss.getQueue(definition.name)) await boss.updateQueue(definition.name, options);
    else await boss.createQueue(definition.name, options);
  }
}

/** The advisory-lock key that serializes the workers' queue and schedule set-up. */
export const SETUP_LOCK_KEY = "bronya:pgboss-setup";

/**
 * Runs `setUp` while holding a session advisory lock on a connection of its own, so that workers
 * starting at once set up their queues one after another. pg-boss 10's create_queue inserts the
 * queue row and attaches its partition to the job table without a lock of its own, and two
 * workers creating the same queues at once deadlock (seen in CI when two workers started
 * together). The lock ends with its connection, so a worker that dies mid-way frees it.
 */
export async function withSetupLock<T>(databaseUrl: string, setUp: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "bronya-worker-setup" });
  // A connection lost while the set-up runs fails the set-up's own queries; it must not also
  // crash the process as an unhandled "error" event.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [SETUP_LOCK_KEY]);
    return await setUp();
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function syncSchedules(boss: PgBoss, queues: ReadonlyArray<QueueDefinition>): Promise<void> {
  const wanted = new Map(queues.filter((queue) => queue.schedule).map((queue) => [queue.name, queue.schedule!]));
  for (const existing of await boss.getSchedules()) {
    // A job removed from the registry (or made unscheduled) must stop firing.
    if (!wanted.has(existing.name)) await boss.unschedule(existing.name);
  }
  for (const [name, schedule] of wanted)
    await boss.schedule(name, schedule.cron, schedule.data ?? {}, { tz: schedule.tz ?? "UTC" });
}

function jobHandler(definition: QueueDefinition, log: (line: string) => void) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    for (const job of jobs) {
      const context = { jobId: job.id, log: (line: string) => log(`[${definition.name} ${job.id}] ${line}`) };
      try {
        await definition.handle(definition.parse(job.data) as never, context);
      } catch (error) {
        context.log(`помилка: ${describe(error)}`);
        // Rethrown so that pg-boss records the failure and retries per the queue's policy.
        throw error instanceof Error ? error : new Error(describe(error));
      }
    }
  };
}

/**
 * Starts pg-boss as the worker: creates the registered queues, works each of them, and keeps the
 * cron schedules in line with the registry. Runs in its own process (scripts/worker.ts).
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const queues = options.queues ?? JOB_QUEUES;
  const names = new Set<string>();
  for (const queue of queues) {
    if (names.has(queue.name)) throw new Error(`Черга «${queue.name}» зареєстрована двічі (duplicate queue)`);
    names.add(queue.name);
  }
  const boss = createBoss({
    databaseUrl: options.databaseUrl,
    role: "worker",
    onError: (error) => options.log(`pg-boss: ${error.message}`),
  });
  await boss.start();
  const wakers = new Map<string, string[]>();
  let listener: WakeUpListener | null = null;
  try {
    await withSetupLock(options.databaseUrl, async () => {
      await ensureQueues(boss, queues);
      await syncSchedules(boss, queues);
    });
    for (const definition of queues) {
      const workerId = await boss.work(definition.name, { ...definition.work }, jobHandler(definition, options.log));
      if (definition.wakeOn) wakers.set(definition.wakeOn, [...(wakers.get(definition.wakeOn) ?? []), workerId]);
    }
    if (wakers.size > 0) {
      listener = await listenForWakeUps({
        databaseUrl: options.databaseUrl,
        channels: [...wakers.keys()],
        onWake: (channel) => {
          for (const workerId of wakers.get(channel) ?? []) boss.notifyWorker(workerId);
        },
        log: options.log,
      });
    }
    for (const definition of queues) {
      const start = definition.runOnStart;
      if (!start) continue;
      // pg-boss keeps one job per (queue, slot) for singletonSeconds, completed ones included.
      await boss.send(
        definition.name,
        definition.schedule?.data ?? {},
        start === true ? {} : { singletonSeconds: start.oncePerSeconds },
      );
    }
  } catch (error) {
    await listener?.stop();
    await boss.stop({ graceful: false });
    throw error;
  }
  options.log(
    queues.length === 0
      ? "Обробник завдань запущено (черг ще немає)."
      : `Обробник завдань запущено: ${queues.map((queue) => queue.name).join(", ")}.`,
  );
  return {
    async stop(stopOptions = {}) {
      await listener?.stop();
      await boss.stop({ graceful: true, wait: true, timeout: stopOptions.timeoutMs ?? 10_000 });
    },
  };
}
