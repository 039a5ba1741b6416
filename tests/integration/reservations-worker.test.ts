import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { defineQueue, JOB_QUEUES, type QueueDefinition } from "@/lib/jobs/handlers";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { decideSubmittedApplication, DECIDE_APPLICATION_QUEUE } from "@/lib/reservations";
import { ZDecideApplicationJob } from "@/lib/reservations/job-handlers";
import { createWorld, submitSigned } from "@/lib/reservations/testing/world";
import { testDatabaseUrl } from "./setup/database";
import { createCtx } from "@/lib/context-server";

// The lifecycle through the real pg-boss worker: a submission is decided within seconds; an
// application whose job was never sent is found by the stuck-application sweeper at start; a
// decision whose first attempt dies is retried by pg-boss and written exactly once.

const lines: string[] = [];
const log = (line: string) => lines.push(line);
let worker: RunningWorker | null = null;

afterAll(async () => {
  await worker?.stop({ timeoutMs: 2_000 });
  await stopSenderBoss();
});

async function waitForDecision(applicationId: string, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
    if (app.status === "DECIDED") return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `заява ${applicationId} не розглянута за ${timeoutMs} мс (${app.status}); журнал: ${lines.join(" | ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the worker", () => {
  it("picks up, at start, an application whose job was never sent", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 21, employees: 3, limitCount: 3 });
    // No worker yet: the queue does not exist and the send after the commit comes to nothing.
    const applicationId = await submitSigned(world, world.employees);
    await db.application.update({ where: { id: applicationId }, data: { submittedAt: new Date(Date.now() - 60_000) } });

    worker = await startWorker({ databaseUrl: testDatabaseUrl(), log });
    await waitForDecision(applicationId);
    expect(await db.reservation.count({ where: { applicationId } })).toBe(3);
    expect(lines.some((line) => line.includes("повторно поставлено в чергу заяв: 1"))).toBe(true);
  });

  it("decides a submitted application within seconds", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 22, employees: 40, limitCount: 30 });
    const applicationId = await submitSigned(world, world.employees);
    const took = await waitForDecision(applicationId);
    expect(took).toBeLessThan(5_000);
    expect(await db.reservation.count({ where: { applicationId, status: "ACTIVE" } })).toBe(30);
    await worker!.stop({ timeoutMs: 2_000 });
    worker = null;
  });

  it("retries a decision whose first attempt died, and writes it exactly once", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 23, employees: 4, limitCount: 4 });
    let attempts = 0;
    // The production queue's options, with a handler whose first run loses its connection
    // after writing the reservations — as a worker killed mid-decision.
    const production = JOB_QUEUES.find((q) => q.name === DECIDE_APPLICATION_QUEUE)!;
    const flaky: QueueDefinition = defineQueue({
      name: DECIDE_APPLICATION_QUEUE,
      data: ZDecideApplicationJob,
      queue: { ...production.queue, retryDelay: 1, retryBackoff: false },
      work: production.work,
      handle: async ({ applicationId }) => {
        attempts += 1;
        await decideSubmittedApplication(createCtx({ actor: null }), {
          applicationId,
          faults:
            attempts === 1
              ? {
                  afterReservations: async (tx) =>
                    void (await tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`),
                }
              : undefined,
        });
      },
    });
    worker = await startWorker({ databaseUrl: testDatabaseUrl(), log, queues: [flaky] });
    const applicationId = await submitSigned(world, world.employees);
    await waitForDecision(applicationId);
    expect(attempts).toBe(2);
    expect(await db.reservation.count({ where: { applicationId } })).toBe(4);
    expect(await db.reservationMark.count({ where: { edrpou: world.edrpou } })).toBe(4);
    expect(await db.auditLog.count({ where: { entityId: applicationId, action: "application.decide" } })).toBe(1);
    expect(await db.notification.count({ where: { recipientRnokpp: { in: world.employees } } })).toBe(4);
  });
});
