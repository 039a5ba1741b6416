import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedCluster, type RunningCluster } from "@/lib/db/cluster";
import { createBoss } from "@/lib/jobs/boss";
import { defineQueue } from "@/lib/jobs/handlers";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { z } from "@/lib/zod";

// The worker's wake-up channel survives a database restart (issue 14, part 7). This file runs its
// own embedded Postgres (the run's shared cluster must not stop under other files), stops it and
// starts it again on the same folder and port. The queue polls only every 10 minutes, so a job
// picked up within seconds of its NOTIFY was woken through LISTEN, not found by polling.

const QUEUE = "test-wake-reconnect";
const CHANNEL = "test_wake_reconnect";
const POLL_SECONDS = 600;
const WITHIN_MS = 30_000;

let workDir: string;
let folder: string;
let cluster: RunningCluster | null = null;
let worker: RunningWorker | null = null;
const lines: string[] = [];
const handled = new Map<string, number>();

const start = () => startEmbeddedCluster({ folder, owner: "worker wake-up reconnect test", database: "bronya" });

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = WITHIN_MS): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends a job without waking anyone, then NOTIFYs the channel; returns the job's id and the time of the NOTIFY. */
async function sendAndNotify(url: string, tag: string): Promise<{ id: string; notifiedAt: number }> {
  const sender: PgBoss = createBoss({ databaseUrl: url, role: "sender" });
  await sender.start();
  try {
    const id = (await sender.send(QUEUE, { tag }))!;
    const notifiedAt = Date.now();
    await query(url, `SELECT pg_notify($1, '')`, [CHANNEL]);
    return { id, notifiedAt };
  } finally {
    await sender.stop({ graceful: false });
  }
}

const listening = async (url: string) =>
  (
    await query<{ n: number }>(
      url,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'bronya-worker-wake' AND query ILIKE 'LISTEN%'`,
    )
  )[0]!.n === 1;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-wake-"));
  // As root, Postgres runs as the "postgres" user, which must be able to enter the folder.
  await chmod(workDir, 0o755);
  folder = path.join(workDir, "postgres");
  cluster = await start();
  const queue = defineQueue({
    name: QUEUE,
    data: z.object({ tag: z.string() }),
    handle: async ({ tag }) => void handled.set(tag, Date.now()),
    work: { pollingIntervalSeconds: POLL_SECONDS },
    wakeOn: CHANNEL,
  });
  worker = await startWorker({ databaseUrl: cluster.url, log: (line) => lines.push(line), queues: [queue] });
}, 180_000);

afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 }).catch(() => undefined);
  await cluster?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe("the worker's wake-up channel", () => {
  it("wakes the worker on NOTIFY long before its next poll", async () => {
    await until(() => listening(cluster!.url), "the wake-up connection LISTENs");
    const { notifiedAt } = await sendAndNotify(cluster!.url, "before");
    await until(() => handled.has("before"), "the job sent before the restart is handled");
    expect(handled.get("before")! - notifiedAt).toBeLessThan(WITHIN_MS);
  });

  it("reconnects after Postgres restarts, and a job sent afterwards is woken through LISTEN, not by polling", async () => {
    const url = cluster!.url;
    const stopping = cluster!;
    cluster = null;
    await stopping.stop();
    await until(
      () => lines.some((line) => line.startsWith("канал пробудження втрачено")),
      "the worker notices the lost wake-up connection",
    );
    // Down for a while: several reconnection attempts fail and back off.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(lines.some((line) => line.startsWith("канал пробудження відновлено"))).toBe(false);

    cluster = await start();
    expect(cluster.url, "the restarted cluster kept its port").toBe(url);
    await until(
      () => lines.some((line) => line.startsWith("канал пробудження відновлено")),
      "the wake-up connection is re-established",
    );
    await until(() => listening(url), "the new connection LISTENs again");

    const { notifiedAt } = await sendAndNotify(url, "after");
    await until(() => handled.has("after"), "the job sent after the restart is handled");
    // The queue's next poll is POLL_SECONDS away; only the wake-up can have fetched it this soon.
    expect(handled.get("after")! - notifiedAt).toBeLessThan(WITHIN_MS);
    expect(lines.filter((line) => line.startsWith("канал пробудження втрачено"))).toHaveLength(1);
  }, 120_000);
});
