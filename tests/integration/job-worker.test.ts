import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createBoss } from "@/lib/jobs/boss";
import { defineQueue, type QueueDefinition } from "@/lib/jobs/handlers";
import { ensureQueues, startWorker } from "@/lib/jobs/worker";
import { z } from "@/lib/zod";
import { sql, testDatabaseUrl } from "./setup/database";

// The job plumbing against a real Postgres: pg-boss 10 creates its own schema, the worker
// creates the registered queues, parses each job's data and records failures for retry.

const lines: string[] = [];
const log = (line: string) => lines.push(line);
let sender: PgBoss;

beforeAll(async () => {
  sender = createBoss({ databaseUrl: testDatabaseUrl(), role: "sender" });
  await sender.start();
});
afterAll(async () => {
  await sender.stop({ graceful: false });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

async function waitForState(queue: string, id: string, state: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await sender.getJobById(queue, id);
    if (job?.state === state) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job?.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const fast = { pollingIntervalSeconds: 0.5 };
const SLOT_SECONDS = 43_200;

describe("startWorker", () => {
  it("creates its queues in the pgboss schema and hands each job its parsed data", async () => {
    const received = deferred<{ applicationId: string; attempt: number }>();
    const queue = defineQueue({
      name: "test-parse",
      data: z.object({ applicationId: z.string().uuid(), attempt: z.coerce.number().int() }),
      handle: async (data) => received.resolve(data),
      work: fast,
    });
    const worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [queue] });
    try {
      expect(await sql("SELECT name FROM pgboss.queue WHERE name = 'test-parse'")).toEqual([{ name: "test-parse" }]);
      const id = await sender.send("test-parse", {
        applicationId: "0b8e6f5c-6d2a-4c57-9a63-0c1f5e0b3a11",
        attempt: "2",
      });
      expect(await received.promise).toEqual({ applicationId: "0b8e6f5c-6d2a-4c57-9a63-0c1f5e0b3a11", attempt: 2 });
      await waitForState("test-parse", id!, "completed");
    } finally {
      await worker.stop();
    }
    expect(lines).toContain("Обробник завдань запущено: test-parse.");
  });

  it("fails a job whose data does not fit, without calling the handler", async () => {
    let called = false;
    const queue = defineQueue({
      name: "test-invalid",
      data: z.object({ edrpou: z.string().length(8) }),
      handle: async () => {
        called = true;
      },
      queue: { retryLimit: 0 },
      work: fast,
    });
    const worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [queue] });
    try {
      const id = await sender.send("test-invalid", { edrpou: 42 });
      const job = await waitForState("test-invalid", id!, "failed");
      expect(called).toBe(false);
      expect(JSON.stringify(job.output)).toContain("edrpou");
      expect(
        lines.some((line) => line.startsWith(`[test-invalid ${id}] помилка: неправильні дані завдання: edrpou`)),
      ).toBe(true);
    } finally {
      await worker.stop();
    }
  });

  it("retries a failing handler as the queue's policy says, then records the failure", async () => {
    let attempts = 0;
    const queue = defineQueue({
      name: "test-retry",
      data: z.object({}),
      handle: async () => {
        attempts += 1;
        throw new Error(`Оберіг не відповідає (спроба ${attempts})`);
      },
      queue: { retryLimit: 1, retryDelay: 0 },
      work: fast,
    });
    const worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [queue] });
    try {
      const id = await sender.send("test-retry", {});
      const job = await waitForState("test-retry", id!, "failed");
      expect(attempts).toBe(2);
      expect(JSON.stringify(job.output)).toContain("Оберіг не відповідає (спроба 2)");
    } finally {
      await worker.stop();
    }
  });

  it("keeps cron schedules in line with the registry", async () => {
    const scheduled = defineQueue({
      name: "test-cron",
      data: z.object({ scope: z.string() }),
      handle: async () => undefined,
      schedule: { cron: "15 3 * * *", data: { scope: "all" }, tz: "Europe/Kyiv" },
    });
    const first = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [scheduled] });
    await first.stop();
    expect(await sql("SELECT name, cron, timezone, data FROM pgboss.schedule")).toEqual([
      { name: "test-cron", cron: "15 3 * * *", timezone: "Europe/Kyiv", data: { scope: "all" } },
    ]);

    const unscheduled: QueueDefinition = { ...scheduled, schedule: undefined };
    const second = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [unscheduled] });
    await second.stop();
    expect(await sql("SELECT name FROM pgboss.schedule")).toEqual([]);
  });

  it("sends a start-up job on every start, or at most once per slot when the queue says so", async () => {
    const every = defineQueue({
      name: "test-start-every",
      data: z.object({}),
      handle: async () => undefined,
      runOnStart: true,
    });
    const once = defineQueue({
      name: "test-start-once",
      data: z.object({}),
      handle: async () => undefined,
      // pg-boss's longest slot (its archive interval, 12 h); see below for its boundary.
      runOnStart: { oncePerSeconds: SLOT_SECONDS },
    });
    // Slots are aligned to the Unix epoch: if one ends within the next minute, start after it, so
    // that the three starts below fall into one slot whatever the hour the test runs.
    const intoSlot = (Date.now() / 1000) % SLOT_SECONDS;
    if (SLOT_SECONDS - intoSlot < 60)
      await new Promise((resolve) => setTimeout(resolve, (SLOT_SECONDS - intoSlot + 1) * 1000));
    for (let i = 0; i < 3; i++) {
      const worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [every, once] });
      // Each start's job is handled before the next start, so the "short" policy does not merge them.
      for (const name of ["test-start-every", "test-start-once"]) {
        const deadline = Date.now() + 15_000;
        while ((await sql(`SELECT 1 FROM pgboss.job WHERE name = '${name}' AND state <> 'completed'`)).length > 0) {
          if (Date.now() > deadline) throw new Error(`${name} did not complete`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await worker.stop();
    }
    const counts = await sql(
      "SELECT name, count(*)::int AS jobs FROM pgboss.job WHERE name LIKE 'test-start-%' GROUP BY name ORDER BY name",
    );
    expect(counts).toEqual([
      { name: "test-start-every", jobs: 3 },
      { name: "test-start-once", jobs: 1 },
    ]);
  }, 120_000);

  it("lets a running job finish before stop() resolves", async () => {
    const started = deferred<void>();
    let finished = false;
    const queue = defineQueue({
      name: "test-graceful",
      data: z.object({}),
      handle: async () => {
        started.resolve();
        await new Promise((resolve) => setTimeout(resolve, 700));
        finished = true;
      },
      work: fast,
    });
    const worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [queue] });
    const id = await sender.send("test-graceful", {});
    await started.promise;
    await worker.stop();
    expect(finished).toBe(true);
    await waitForState("test-graceful", id!, "completed");
  });

  it("refuses a registry that names one queue twice", async () => {
    const queue = defineQueue({ name: "test-twice", data: z.object({}), handle: async () => undefined });
    await expect(startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [queue, queue] })).rejects.toThrow(
      /зареєстрована двічі/,
    );
  });

  it("starts several workers at once on queues that do not exist yet (no deadlock between their creates)", async () => {
    // pg-boss 10's create_queue inserts the queue row and attaches its partition to the job table
    // without a lock of its own: two workers creating the same queues at once deadlocked in CI.
    for (let round = 0; round < 3; round++) {
      const queues = Array.from({ length: 8 }, (_, index) =>
        defineQueue({ name: `test-race-${round}-${index}`, data: z.object({}), handle: async () => undefined }),
      );
      const started = await Promise.allSettled(
        Array.from({ length: 4 }, () => startWorker({ databaseUrl: testDatabaseUrl(), log, queues })),
      );
      await Promise.all(started.map((result) => (result.status === "fulfilled" ? result.value.stop() : undefined)));
      expect(started.filter((result) => result.status === "rejected").map((result) => String(result.reason))).toEqual(
        [],
      );
      const rows = await sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM pgboss.queue WHERE name LIKE 'test-race-${round}-%'`,
      );
      expect(rows).toEqual([{ count: 8 }]);
    }
  });

  it("updates an existing queue's options instead of failing", async () => {
    const boss = createBoss({ databaseUrl: testDatabaseUrl(), role: "sender" });
    await boss.start();
    try {
      const definition = defineQueue({
        name: "test-options",
        data: z.object({}),
        handle: async () => undefined,
        queue: { retryLimit: 1 },
      });
      await ensureQueues(boss, [definition]);
      await ensureQueues(boss, [{ ...definition, queue: { retryLimit: 5 } }]);
      expect(await boss.getQueue("test-options")).toMatchObject({ retryLimit: 5 });
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});
