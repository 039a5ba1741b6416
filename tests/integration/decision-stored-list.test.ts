import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { decideSubmittedApplication } from "@/lib/reservations";
import { decodeEmployeeListModel, encodeEmployeeListModel } from "@/lib/reservations/employee-list-snapshots";
import { refreshEmployeeListSnapshots } from "@/lib/reservations/refresh-employee-list-snapshots";
import { createWorld, submitSigned, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// A large application's decision takes its registry records from the employee list the worker
// keeps judged in Postgres, at the version it was judged at, and reads again under the
// enterprise's lock whoever the registry noted a change for since. Every case here checks what
// the decision saw: the stored records when they are still current, the registry's otherwise.

afterAll(async () => {
  await stopSenderBoss();
});

/** An enterprise of 520 (enough for a decision to start from the stored list), its list stored. */
async function storedWorld(serial: number): Promise<World> {
  const w = await createWorld(createCtx({ actor: null }), { serial, employees: 520, limitCount: 1_000 });
  await refreshEmployeeListSnapshots(createCtx({ actor: null }), { from: 500 });
  return w;
}

/** Marks one employee wanted inside the stored list only: a decision that refuses them read the row. */
async function wantedInStoredListOnly(w: World, rnokpp: string) {
  const [row] = await db.$queryRaw<Array<{ model: Uint8Array }>>`
    SELECT model FROM employee_list_snapshots WHERE edrpou = ${w.edrpou}`;
  const model = await decodeEmployeeListModel(row!.model, w.today);
  const record = model.staff.get(rnokpp)!;
  const military = { ...record.person.military!, wanted: true };
  const staff = new Map(model.staff).set(rnokpp, { ...record, person: { ...record.person, military } });
  await db.$executeRaw`UPDATE employee_list_snapshots SET model = ${await encodeEmployeeListModel({ ...model, staff })}
                       WHERE edrpou = ${w.edrpou}`;
}

async function decide(applicationId: string, afterPreread?: () => Promise<unknown>) {
  const outcome = await decideSubmittedApplication(createCtx({ actor: null }), {
    applicationId,
    faults: afterPreread ? { afterPreread: async () => void (await afterPreread()) } : undefined,
  });
  const items = await db.applicationItem.findMany({
    where: { applicationId },
    select: { rnokpp: true, decision: true, reasons: true },
  });
  return { outcome, results: new Map(items.map((i) => [i.rnokpp, { decision: i.decision, reasons: i.reasons }])) };
}

describe("a large decision and the stored employee list", () => {
  it("takes the records of the stored list when nothing changed since it was judged", async () => {
    const w = await storedWorld(132);
    const marked = w.employees[7]!;
    await wantedInStoredListOnly(w, marked);
    const applicationId = await submitSigned(w, w.employees);
    const { outcome, results } = await decide(applicationId);
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 519, refused: 1 });
    expect(results.get(marked)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
  });

  it("reads again the persons the registry changed after the list was judged", async () => {
    const w = await storedWorld(133);
    const before = w.employees[3]!;
    const during = w.employees[4]!;
    // After the list was stored, before the decision: found only by reading again whoever the
    // registry noted since the stored list's version (not since the decision's own read).
    await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${before}`;
    // And one changed in the stored list only: the decision did start from it.
    const marked = w.employees[5]!;
    await wantedInStoredListOnly(w, marked);
    const applicationId = await submitSigned(w, w.employees);
    // Between the read-ahead and the transaction.
    const { outcome, results } = await decide(
      applicationId,
      () => db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${during}`,
    );
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 517, refused: 3 });
    expect(results.get(marked)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
    expect(results.get(before)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
    expect(results.get(during)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
  });

  it("reads the registry instead when it can no longer name the changes since the list was judged", async () => {
    const w = await storedWorld(134);
    const marked = w.employees[9]!;
    await wantedInStoredListOnly(w, marked);
    // A change since the list was judged, whose note is gone (as the prune job leaves notes after
    // 15 minutes): the registry can no longer say who changed.
    await db.$executeRaw`UPDATE oberig.military_registrations SET "updatedAt" = now() WHERE rnokpp = ${w.employees[0]!}`;
    await db.$executeRaw`
      INSERT INTO oberig.staff_changes_pruned (edrpou, through)
      SELECT edrpou, version FROM oberig.staff_versions WHERE edrpou = ${w.edrpou}
      ON CONFLICT (edrpou) DO UPDATE SET through = excluded.through`;
    try {
      const applicationId = await submitSigned(w, w.employees);
      const { outcome, results } = await decide(applicationId);
      expect(outcome).toMatchObject({ outcome: "decided", reserved: 520, refused: 0 });
      expect(results.get(marked)!.decision).toBe("RESERVED");
    } finally {
      await db.$executeRaw`DELETE FROM oberig.staff_changes_pruned WHERE edrpou = ${w.edrpou}`;
    }
  });

  it("reads the registry when the stored list was patched since it was last judged whole", async () => {
    const w = await storedWorld(136);
    const marked = w.employees[2]!;
    await wantedInStoredListOnly(w, marked);
    // As the worker's patch leaves it: written after its last whole judgement.
    await db.$executeRaw`UPDATE employee_list_snapshots SET "wholeAt" = now() - interval '1 minute' WHERE edrpou = ${w.edrpou}`;
    const applicationId = await submitSigned(w, w.employees);
    const { outcome, results } = await decide(applicationId);
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 520, refused: 0 });
    expect(results.get(marked)!.decision).toBe("RESERVED");
  });

  it("reads the registry for a short application, which costs less than decoding the list", async () => {
    const w = await storedWorld(135);
    const marked = w.employees[11]!;
    await wantedInStoredListOnly(w, marked);
    const applicationId = await submitSigned(w, w.employees.slice(0, 20));
    const { outcome, results } = await decide(applicationId);
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 20, refused: 0 });
    expect(results.get(marked)!.decision).toBe("RESERVED");
  });
});
