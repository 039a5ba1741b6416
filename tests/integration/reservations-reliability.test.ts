import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type DbTx } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createReservationDraft, decideSubmittedApplication, submitApplication } from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { isoDateToUtc } from "@/lib/rules";
import { expectEvery } from "@/tests/support/expect-every";
import { createCtx } from "@/lib/context-server";

// The lifecycle's promises under pressure: concurrent applications of one enterprise never
// exceed its limit; two enterprises racing for one person end with one reservation and a clear
// refusal; a decision killed half-way leaves nothing and is then written exactly once; the
// same signed draft submitted twice at once is one application.

/** A promise and the function that settles it: one side of the race waits for the other's step. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Resolves once another backend waits on a lock this transaction holds (Postgres says so, no guessed delay). */
async function untilSomeoneWaitsOn(tx: DbTx, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await tx.$queryRaw<Array<{ waiting: boolean }>>`
      SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))) AS waiting`;
    if (row!.waiting) return;
    if (Date.now() > deadline) throw new Error("the other decision never waited on this transaction's rows");
    await tx.$executeRaw`SELECT pg_sleep(0.01)`;
  }
}

let big: World;

beforeAll(async () => {
  big = await createWorld(createCtx({ actor: null }), { serial: 11, employees: 120, limitCount: 20 });
});

afterAll(async () => {
  await stopSenderBoss();
});

async function signedApplication(world: World, rnokpps: string[]): Promise<string> {
  const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
    edrpou: world.edrpou,
    employees: rnokpps.map((rnokpp) => ({ rnokpp })),
  });
  const submitted = await submitApplication(createCtx({ actor: world.head.actor }), {
    draftId: draft.draftId,
    signature: sign(world.head.key!, draft.document),
  });
  return submitted.applicationId;
}

describe("50 concurrent applications of one enterprise", () => {
  it("never reserve more than its limit", async () => {
    // Every draft pre-checks against an empty limit (20 free): each alone would reserve both.
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signedApplication(big, big.employees.slice(i * 2, i * 2 + 2))),
    );
    expect(new Set(ids).size).toBe(50);

    // Decided all at once, on the pool's separate connections.
    const outcomes = await Promise.all(
      ids.map((applicationId) => decideSubmittedApplication(createCtx({ actor: null }), { applicationId })),
    );
    expectEvery(outcomes, (o) => o.outcome === "decided");
    const reserved = outcomes.reduce((sum, o) => sum + (o.outcome === "decided" ? o.reserved : 0), 0);
    expect(reserved).toBe(20);

    expect(await db.reservation.count({ where: { edrpou: big.edrpou, status: "ACTIVE" } })).toBe(20);
    expect(await db.reservationMark.count({ where: { edrpou: big.edrpou, status: "ACTIVE" } })).toBe(20);
    expect(await db.application.count({ where: { id: { in: ids }, status: "DECIDED" } })).toBe(50);
    expect(
      await db.applicationItem.count({
        where: { applicationId: { in: ids }, decision: "REFUSED", reasons: { has: "QUOTA_EXCEEDED" } },
      }),
    ).toBe(80);
  });
});

describe("two enterprises racing for one person", () => {
  it("one reserves, the other is refused RESERVED_ELSEWHERE after re-deciding — no crashed job", async () => {
    const east = await createWorld(createCtx({ actor: null }), {
      serial: 12,
      employees: 2,
      limitCount: 5,
      withHeadKey: true,
    });
    const west = await createWorld(createCtx({ actor: null }), {
      serial: 13,
      employees: 2,
      limitCount: 5,
      withHeadKey: true,
    });
    const shared = east.employees[0]!;
    // The person also works part-time at the second enterprise.
    await db.employment.create({
      data: {
        rnokpp: shared,
        edrpou: west.edrpou,
        position: "Консультант",
        startDate: isoDateToUtc("2021-01-01"),
        salary: "30000",
        mainJob: false,
        reportedOn: isoDateToUtc(west.today),
      },
    });
    const eastApp = await signedApplication(east, [shared]);
    const westApp = await signedApplication(west, [shared, west.employees[0]!]);

    // East writes its reservation and holds the transaction open; West starts only then, reads
    // the facts (East's row is not committed), and blocks on the unique index; East commits once
    // Postgres shows West waiting on it.
    const eastWrote = latch();
    const eastRun = decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: eastApp,
      faults: {
        afterReservations: async (tx) => {
          eastWrote.open();
          await untilSomeoneWaitsOn(tx);
        },
      },
    });
    await Promise.race([
      eastWrote.opened,
      eastRun.then(() => Promise.reject(new Error("East decided without writing a reservation"))),
    ]);
    const westRun = decideSubmittedApplication(createCtx({ actor: null }), { applicationId: westApp });
    const [eastOutcome, westOutcome] = await Promise.all([eastRun, westRun]);

    expect(eastOutcome).toMatchObject({ outcome: "decided", reserved: 1, refused: 0 });
    expect(westOutcome).toMatchObject({ outcome: "decided", reserved: 1, refused: 1 });
    expect(westOutcome.attempts).toBeGreaterThan(1);
    const item = await db.applicationItem.findFirstOrThrow({ where: { applicationId: westApp, rnokpp: shared } });
    expect(item).toMatchObject({ decision: "REFUSED", reasons: ["RESERVED_ELSEWHERE"] });
    expect(await db.reservation.count({ where: { rnokpp: shared, status: "ACTIVE" } })).toBe(1);
    expect(await db.reservationMark.count({ where: { rnokpp: shared, status: "ACTIVE", edrpou: east.edrpou } })).toBe(
      1,
    );
  });
});

describe("a worker killed in the middle of a decision", () => {
  it("leaves nothing behind; the next run writes the decision exactly once", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 14, employees: 6, limitCount: 4 });
    const applicationId = await signedApplication(world, world.employees);
    const snapshot = async () => ({
      reservations: await db.reservation.count({ where: { edrpou: world.edrpou } }),
      marks: await db.reservationMark.count({ where: { edrpou: world.edrpou } }),
      decidedItems: await db.applicationItem.count({ where: { applicationId, decision: { not: null } } }),
      notifications: await db.notification.count({
        where: { recipientRnokpp: { in: [...world.employees, world.head.rnokpp] } },
      }),
      audit: await db.auditLog.count({ where: { entityId: applicationId, action: "application.decide" } }),
      status: (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status,
    });
    const before = await snapshot();
    expect(before).toMatchObject({ reservations: 0, marks: 0, decidedItems: 0, status: "QUEUED" });

    // The reservations and marks are written, then the database connection dies — as when the
    // worker process is killed: Postgres rolls the open transaction back.
    let written = 0;
    await expect(
      decideSubmittedApplication(createCtx({ actor: null }), {
        applicationId,
        faults: {
          afterReservations: async (tx) => {
            written =
              (await tx.reservation.count({ where: { applicationId } })) +
              (await tx.reservationMark.count({ where: { edrpou: world.edrpou } }));
            await tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
          },
        },
      }),
    ).rejects.toThrow();
    expect(written).toBe(8);
    expect(await snapshot()).toEqual(before);

    // The job runs again (pg-boss's retry, or the sweeper's requeue).
    const rerun = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
    expect(rerun).toMatchObject({ outcome: "decided", reserved: 4, refused: 2 });
    const after = await snapshot();
    expect(after).toEqual({
      reservations: 4,
      marks: 4,
      decidedItems: 6,
      notifications: before.notifications + 7,
      audit: 1,
      status: "DECIDED",
    });

    // …and a third run (a duplicate job) changes nothing.
    expect((await decideSubmittedApplication(createCtx({ actor: null }), { applicationId })).outcome).toBe(
      "already-decided",
    );
    expect(await snapshot()).toEqual(after);
  });
});

describe("the same signed draft submitted twice at once", () => {
  it("gives one application", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 15, employees: 3, limitCount: 3 });
    const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: world.employees.map((rnokpp) => ({ rnokpp })),
    });
    const signature = sign(world.head.key!, draft.document);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        submitApplication(createCtx({ actor: world.head.actor }), { draftId: draft.draftId, signature }),
      ),
    );
    expect(new Set(results.map((r) => r.applicationId)).size).toBe(1);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await db.application.count({ where: { draftId: draft.draftId } })).toBe(1);
    expect(await db.signedDocument.count({ where: { edrpou: world.edrpou } })).toBe(1);
    expect(await db.applicationItem.count({ where: { applicationId: results[0]!.applicationId } })).toBe(3);
  });
});
