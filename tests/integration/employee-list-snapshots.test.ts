import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createReservationDraft } from "@/lib/reservations";
import { computeModel, loadEmployeeListModel, modelBuilds } from "@/lib/reservations/employee-list-model";
import { decodeEmployeeListModel, encodeEmployeeListModel } from "@/lib/reservations/employee-list-snapshots";
import { refreshEmployeeListSnapshots } from "@/lib/reservations/refresh-employee-list-snapshots";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { clearVersionCache } from "@/lib/reservations/version-cache";
import { createCtx } from "@/lib/context-server";

// The worker keeps the largest critical enterprises' employee lists judged in Postgres; a process
// that has no model of the enterprise reads the stored one instead of the whole staff. The stored
// model must give exactly the list a whole computation gives — as stored when nothing changed,
// patched when the registry changed some persons since — and must never be used for another day,
// another format, or inputs it was not judged at (the enterprise's decision).

let w: World;
/** The threshold for these tests: the world's enterprise employs 520. */
const FROM = 500;

beforeAll(async () => {
  w = await createWorld(createCtx({ actor: null }), { serial: 131, employees: 520, limitCount: 5 });
});

afterAll(async () => {
  await stopSenderBoss();
});

beforeEach(async () => {
  clearVersionCache();
  await db.$executeRaw`DELETE FROM employee_list_snapshots`;
});

const refresh = (from = FROM) => refreshEmployeeListSnapshots(createCtx({ actor: null }), { from });
/** A web process meeting the enterprise for the first time (nothing cached in it). */
const firstPage = () => {
  clearVersionCache();
  return loadEmployeeListModel(createCtx({ actor: null }), { edrpou: w.edrpou, date: w.today });
};
const computedWhole = () => computeModel(createCtx({ actor: null }), w.edrpou, w.today);

async function storedRow() {
  const rows = await db.$queryRaw<Array<{ version: string; date: string; employeeCount: number }>>`
    SELECT version, date::text AS date, "employeeCount" FROM employee_list_snapshots WHERE edrpou = ${w.edrpou}`;
  return rows[0] ?? null;
}

/** Renames one employee inside the stored model only: a list that shows the name read the row. */
async function doctorStoredName(rnokpp: string, fullName: string) {
  const [row] = await db.$queryRaw<Array<{ model: Uint8Array }>>`
    SELECT model FROM employee_list_snapshots WHERE edrpou = ${w.edrpou}`;
  const model = await decodeEmployeeListModel(row!.model, w.today);
  const record = model.staff.get(rnokpp)!;
  const staff = new Map(model.staff).set(rnokpp, { ...record, person: { ...record.person, fullName } });
  const doctored = await encodeEmployeeListModel({ ...model, staff });
  await db.$executeRaw`UPDATE employee_list_snapshots SET model = ${doctored} WHERE edrpou = ${w.edrpou}`;
}

async function setWanted(rnokpp: string, wanted: boolean) {
  await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = ${wanted} WHERE rnokpp = ${rnokpp}`;
}

describe("the employee lists the worker keeps", () => {
  it("keeps a large critical enterprise's list, and a process without one reads it instead of the staff", async () => {
    const outcome = await refresh();
    expect(outcome.built).toBeGreaterThanOrEqual(1);
    expect(outcome.failed).toBe(0);
    const row = await storedRow();
    expect(row).toMatchObject({ date: w.today, employeeCount: 520 });

    const builds = { ...modelBuilds };
    const model = await firstPage();
    expect(modelBuilds.fromSnapshot).toBe(builds.fromSnapshot + 1);
    expect(modelBuilds.whole).toBe(builds.whole);
    expect(model).toEqual(await computedWhole());

    // It really is the stored row: a name changed in it alone shows.
    await doctorStoredName(w.employees[0]!, "Зі знімка Запис Тестовий");
    const doctored = await firstPage();
    expect(doctored.rows.find((r) => r.rnokpp === w.employees[0])!.fullName).toBe("Зі знімка Запис Тестовий");

    // A second run leaves an unchanged list alone (and puts the registry's name back only when it changes).
    const again = await refresh();
    expect(again).toMatchObject({ built: 0, patched: 0 });
    expect(again.unchanged).toBeGreaterThanOrEqual(1);
  });

  it("brings a stored list to the registry's version by judging again only the persons changed", async () => {
    await refresh();
    const target = w.employees[3]!;
    await setWanted(target, true);
    try {
      const builds = { ...modelBuilds };
      const model = await firstPage();
      expect(modelBuilds.fromSnapshot).toBe(builds.fromSnapshot + 1);
      expect(modelBuilds.patched).toBe(builds.patched + 1);
      expect(modelBuilds.whole).toBe(builds.whole);
      expect(model).toEqual(await computedWhole());
      const row = model.rows.find((r) => r.rnokpp === target)!;
      expect(row.eligible).toBe(false);
      expect(row.reasons.map((r) => r.code)).toContain("WANTED");

      // The worker's next run stores the patched list under the new version.
      const before = (await storedRow())!.version;
      const outcome = await refresh();
      expect(outcome).toMatchObject({ built: 0, patched: 1, failed: 0 });
      const after = (await storedRow())!.version;
      expect(after).not.toBe(before);
      const read = await firstPage();
      expect(read).toEqual(await computedWhole());
    } finally {
      await setWanted(target, false);
    }
  });

  it("builds the list whole rather than use one of another day, another format or a newer version", async () => {
    await refresh();
    const cases = [
      db.$executeRaw`UPDATE employee_list_snapshots SET date = date - 1 WHERE edrpou = ${w.edrpou}`,
      db.$executeRaw`UPDATE employee_list_snapshots SET format = format + 1 WHERE edrpou = ${w.edrpou}`,
      // What a reader on a lagging replica would meet: a list stored at a version its registry has not reached.
      db.$executeRaw`UPDATE employee_list_snapshots SET version = '99999999' || substr(version, strpos(version, '#'))
                     WHERE edrpou = ${w.edrpou}`,
    ];
    for (const change of cases) {
      await refresh();
      await doctorStoredName(w.employees[0]!, "Зі знімка Запис Тестовий");
      await change;
      const builds = { ...modelBuilds };
      const model = await firstPage();
      expect(modelBuilds.fromSnapshot).toBe(builds.fromSnapshot);
      expect(modelBuilds.whole).toBe(builds.whole + 1);
      expect(model.rows.find((r) => r.rnokpp === w.employees[0])!.fullName).not.toBe("Зі знімка Запис Тестовий");
    }
  });

  it("is judged again whole after a change to the enterprise's decision, by the web and by the worker", async () => {
    await refresh();
    await doctorStoredName(w.employees[0]!, "Зі знімка Запис Тестовий");
    await db.$executeRaw`UPDATE critical_decisions SET "limitCount" = "limitCount" + 1, "updatedAt" = now() WHERE id = ${w.decisionId}::uuid`;
    try {
      const builds = { ...modelBuilds };
      const model = await firstPage();
      expect(modelBuilds.fromSnapshot).toBe(builds.fromSnapshot);
      expect(modelBuilds.whole).toBe(builds.whole + 1);
      expect(model.limit.total).toBe(6);
      const outcome = await refresh();
      expect(outcome).toMatchObject({ built: 1, patched: 0 });
      expect((await firstPage()).limit.total).toBe(6);
    } finally {
      await db.$executeRaw`UPDATE critical_decisions SET "limitCount" = "limitCount" - 1, "updatedAt" = now() WHERE id = ${w.decisionId}::uuid`;
    }
  });

  it("serves the page from the registry when the stored row cannot be read, and the worker replaces it", async () => {
    await refresh();
    await db.$executeRaw`UPDATE employee_list_snapshots SET model = '\x1f8b00'::bytea WHERE edrpou = ${w.edrpou}`;
    const builds = { ...modelBuilds };
    const model = await firstPage();
    expect(modelBuilds.whole).toBe(builds.whole + 1);
    expect(model).toEqual(await computedWhole());
    // The version did not move: the worker reads the row only because it must judge it whole now.
    await db.$executeRaw`UPDATE employee_list_snapshots SET version = version || 'x' WHERE edrpou = ${w.edrpou}`;
    const outcome = await refresh();
    expect(outcome).toMatchObject({ built: 1, patched: 0, failed: 0 });
    expect(await firstPage()).toEqual(await computedWhole());
  });

  it("judges a patched list whole again once its last whole judgement is old, changed or not", async () => {
    await refresh();
    const age = (minutes: number) =>
      db.$executeRaw`UPDATE employee_list_snapshots SET "wholeAt" = now() - make_interval(mins => ${minutes}),
                     "builtAt" = now() WHERE edrpou = ${w.edrpou}`;
    // Patched 10 minutes after a whole judgement: left as it is.
    await age(10);
    expect(await refresh()).toMatchObject({ built: 0, patched: 0 });
    // 20 minutes: judged whole again, though nothing changed since.
    await age(20);
    expect(await refresh()).toMatchObject({ built: 1, patched: 0 });
    const [row] = await db.$queryRaw<Array<{ patched: boolean }>>`
      SELECT "builtAt" > "wholeAt" AS patched FROM employee_list_snapshots WHERE edrpou = ${w.edrpou}`;
    expect(row!.patched).toBe(false);
    // Judged whole 20 minutes ago and never patched: nothing to do.
    await db.$executeRaw`UPDATE employee_list_snapshots SET "wholeAt" = now() - interval '20 minutes',
                         "builtAt" = now() - interval '20 minutes' WHERE edrpou = ${w.edrpou}`;
    expect(await refresh()).toMatchObject({ built: 0, patched: 0 });
  });

  it("drops the lists of enterprises that are no longer large enough", async () => {
    await refresh();
    expect(await storedRow()).not.toBeNull();
    const outcome = await refresh(521);
    expect(outcome.dropped).toBeGreaterThanOrEqual(1);
    expect(await storedRow()).toBeNull();
  });

  it("gives a draft sent with no list at hand the stored records", async () => {
    await refresh();
    await doctorStoredName(w.employees[0]!, "Зі знімка Запис Тестовий");
    clearVersionCache();
    const draft = await createReservationDraft(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      employees: w.employees.map((rnokpp) => ({ rnokpp })),
    });
    expect(draft.precheck[0]!.fullName).toBe("Зі знімка Запис Тестовий");
    expect(draft.precheck.filter((p) => p.eligible)).toHaveLength(5);
  });
});
