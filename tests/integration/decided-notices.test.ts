import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { defineQueue, JOB_QUEUES } from "@/lib/jobs/handlers";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { decideSubmittedApplication } from "@/lib/reservations";
import { DECIDE_APPLICATION_QUEUE, NOTIFY_DECIDED_EMPLOYEES_QUEUE } from "@/lib/reservations/constants";
import { ZDecideApplicationJob } from "@/lib/reservations/job-handlers";
import { notifyDecidedEmployees } from "@/lib/reservations/notify-decided-employees";
import { createWorld, personRnokpp, submitSigned, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";
import { testDatabaseUrl } from "./setup/database";

// A large decision tells its employees in a follow-up job (notify-decided-employees): the
// decision commits with the heads told and `noticesPending` set; the job writes every
// employee's notice and letter once, with the words the decision itself would have written;
// a job lost between the two is sent again by the stuck-application sweeper. The threshold
// (500 employees) is lowered to 0 here so that a world of a few employees takes that path.

const lines: string[] = [];
let worker: RunningWorker | null = null;

afterAll(async () => {
  await worker?.stop({ timeoutMs: 2_000 });
  await stopSenderBoss();
});

// Three are reserved, three refused (the limit), one is not an employee (told nothing).
function submit(world: World): Promise<string> {
  return submitSigned(world, [...world.employees, personRnokpp(world.employees.length + 500, 3)]);
}

const sixEmployees = (serial: number) =>
  createWorld(createCtx({ actor: null }), { serial, employees: 6, limitCount: 3 });

async function employeeNotices(world: World) {
  const notices = await db.notification.findMany({
    where: { recipientRnokpp: { in: world.employees } },
    select: { recipientRnokpp: true, kind: true, title: true, body: true, link: true },
    orderBy: { recipientRnokpp: "asc" },
  });
  // The words without the enterprise's name: two worlds compared, each with its own name.
  return notices.map((n) => ({ ...n, body: n.body.replace(world.name, "«підприємство»") }));
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: не дочекалися; журнал: ${lines.join(" | ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the notices of a large decision", () => {
  it("follow the decision once, with the words a decision that tells them itself writes", async () => {
    const deferred = await sixEmployees(122);
    const inline = await sixEmployees(123);
    const deferredId = await submit(deferred);
    const inlineId = await submit(inline);

    const outcome = await decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: deferredId,
      inlineNoticesUpTo: 0,
    });
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 3, refused: 4, noticesPending: true });
    expect(await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: inlineId })).toMatchObject({
      outcome: "decided",
      reserved: 3,
      refused: 4,
      noticesPending: false,
    });

    // Decided, the head told; the employees not yet.
    const application = await db.application.findUniqueOrThrow({ where: { id: deferredId } });
    expect(application).toMatchObject({ status: "DECIDED", noticesPending: true });
    expect(await db.notification.count({ where: { recipientRnokpp: deferred.head.rnokpp } })).toBe(1);
    expect(await employeeNotices(deferred)).toEqual([]);

    // Twin jobs at once: one writes, the other finds nothing pending.
    const written = await Promise.all([
      notifyDecidedEmployees(createCtx({ actor: null }), { applicationId: deferredId }),
      notifyDecidedEmployees(createCtx({ actor: null }), { applicationId: deferredId }),
    ]);
    expect(written.sort()).toEqual([0, 6]);
    expect(await notifyDecidedEmployees(createCtx({ actor: null }), { applicationId: deferredId })).toBe(0);
    expect(await db.application.findUniqueOrThrow({ where: { id: deferredId } })).toMatchObject({
      noticesPending: false,
    });

    const told = await employeeNotices(deferred);
    expect(told.map((n) => n.kind).sort()).toEqual([
      ...Array<string>(3).fill("reservation.granted"),
      ...Array<string>(3).fill("reservation.refused"),
    ]);
    // Word for word what the decision that told them itself wrote (the same people by position).
    const byPosition = (world: World, notices: Awaited<ReturnType<typeof employeeNotices>>) =>
      world.employees.map((rnokpp) => {
        const { recipientRnokpp: _, ...rest } = notices.find((n) => n.recipientRnokpp === rnokpp)!;
        return rest;
      });
    expect(byPosition(deferred, told)).toEqual(byPosition(inline, await employeeNotices(inline)));
    expect(told.find((n) => n.kind === "reservation.refused")!.body).toContain("лімі");
    // The employee with an address (the world gives every tenth one) is written to, once.
    expect(await db.outgoingEmail.count({ where: { to: `worker${122}-0@example.test` } })).toBe(1);
  });

  it("are written by the worker's job after the decision, and a job lost on the way is sent again", async () => {
    const viaJob = await sixEmployees(124);
    const lost = await sixEmployees(125);

    // A decision made while no worker runs, whose job then never reaches the queue.
    const lostId = await submit(lost);
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: lostId, inlineNoticesUpTo: 0 });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${NOTIFY_DECIDED_EMPLOYEES_QUEUE} AND data->>'applicationId' = ${lostId}`;
    await db.application.update({ where: { id: lostId }, data: { decidedAt: new Date(Date.now() - 60_000) } });

    const production = (name: string) => JOB_QUEUES.find((q) => q.name === name)!;
    const decide = production(DECIDE_APPLICATION_QUEUE);
    worker = await startWorker({
      databaseUrl: testDatabaseUrl(),
      log: (line) => lines.push(line),
      queues: [
        // The production decision, with the threshold lowered.
        defineQueue({
          name: DECIDE_APPLICATION_QUEUE,
          data: ZDecideApplicationJob,
          queue: decide.queue,
          work: decide.work,
          wakeOn: decide.wakeOn,
          handle: async ({ applicationId }) =>
            void (await decideSubmittedApplication(createCtx({ actor: null }), {
              applicationId,
              inlineNoticesUpTo: 0,
            })),
        }),
        production(NOTIFY_DECIDED_EMPLOYEES_QUEUE),
        production("requeue-stuck-applications"),
      ],
    });

    const viaJobId = await submit(viaJob);
    for (const [world, id] of [
      [viaJob, viaJobId],
      [lost, lostId],
    ] as const) {
      await waitFor(
        async () => (await db.notification.count({ where: { recipientRnokpp: { in: world.employees } } })) === 6,
        `повідомлення працівникам за заявою ${id}`,
      );
      expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "DECIDED",
        noticesPending: false,
      });
    }
    expect(lines.some((line) => line.includes("повторно поставлено в чергу повідомлень за заявами: 1"))).toBe(true);
  });
});
