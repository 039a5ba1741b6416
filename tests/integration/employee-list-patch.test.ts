import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { registry, registryFor } from "@/lib/registry";
import { annulReservations, decideSubmittedApplication } from "@/lib/reservations";
import { loadEmployeeListModel, modelBuilds, type EmployeeListModel } from "@/lib/reservations/employee-list-model";
import { createWorld, personRnokpp, submitSigned, type World } from "@/lib/reservations/testing/world";
import { clearVersionCache } from "@/lib/reservations/version-cache";
import { addDays } from "@/lib/rules";
import { createCtx } from "@/lib/context-server";
import { createPeople } from "@/prisma/seed/factories";

// After a registry change that concerns some persons, the employee list re-reads and re-judges
// only them (oberig.staff_changes) and patches the cached model. Every case here compares the
// patched model with the one a whole computation gives from scratch, and checks which way the
// model was built: a patch that was never taken, or one that differs from the truth, fails.

let w: World;
let other: World;

beforeAll(async () => {
  w = await createWorld(createCtx({ actor: null }), { serial: 120, employees: 30, limitCount: 10, withHeadKey: false });
  other = await createWorld(createCtx({ actor: null }), { serial: 121, employees: 3, withHeadKey: false });
});

afterAll(async () => {
  await stopSenderBoss();
});

beforeEach(() => clearVersionCache());

const model = (edrpou = w.edrpou) => loadEmployeeListModel(createCtx({ actor: null }), { edrpou, date: w.today });

/** The model a whole computation gives now, with nothing cached. */
async function truth(edrpou = w.edrpou): Promise<EmployeeListModel> {
  clearVersionCache();
  const whole = modelBuilds.whole;
  const fresh = await model(edrpou);
  expect(modelBuilds.whole).toBe(whole + 1);
  return fresh;
}

/** Caches the model, applies the change, and checks the next model: patched (or whole) and exact. */
async function afterChange(
  change: () => Promise<unknown>,
  built: "patched" | "whole",
  edrpou = w.edrpou,
): Promise<EmployeeListModel> {
  await model(edrpou);
  const before = { ...modelBuilds };
  await change();
  const next = await model(edrpou);
  expect({ whole: modelBuilds.whole - before.whole, patched: modelBuilds.patched - before.patched }).toEqual(
    built === "patched" ? { whole: 0, patched: 1 } : { whole: 1, patched: 0 },
  );
  expect(next).toEqual(await truth(edrpou));
  return next;
}

const row = (m: EmployeeListModel, rnokpp: string) => m.rows.find((r) => r.rnokpp === rnokpp);

describe("the employee list after a registry change", () => {
  it("re-judges only a person put on the wanted list", async () => {
    const target = w.employees[3]!;
    const next = await afterChange(
      () => db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${target}`,
      "patched",
    );
    expect(row(next, target)!.eligible).toBe(false);
    expect(row(next, target)!.reasons.map((r) => r.code)).toContain("WANTED");
  });

  it("moves a renamed person to their new place in the alphabet", async () => {
    const target = w.employees[20]!;
    const next = await afterChange(
      () => db.$executeRaw`UPDATE oberig.persons SET "lastName" = 'Абрикосов' WHERE rnokpp = ${target}`,
      "patched",
    );
    expect(next.rows[0]!.rnokpp).toBe(target);
  });

  it("drops a person whose employment ended and adds one newly hired", async () => {
    const leaving = w.employees[7]!;
    const hired = personRnokpp(120, 500);
    const next = await afterChange(async () => {
      await db.$executeRaw`UPDATE oberig.employments SET "endDate" = ${addDays(w.today, -1)}::date WHERE rnokpp = ${leaving} AND edrpou = ${w.edrpou}`;
      await createPeople(db, [
        {
          rnokpp: hired,
          lastName: "Новенький",
          firstName: "Петро",
          patronymic: "Петрович",
          birthDate: "1990-03-03",
          sex: "MALE",
          email: null,
          phone: null,
          address: null,
          military: {
            status: "ON_REGISTER",
            liability: "LIABLE",
            category: 1,
            tcc: "Печерський РТЦК та СП",
            registeredOn: "2008-01-01",
            dataUpdatedOn: "2024-06-15",
          },
          employments: [
            { edrpou: w.edrpou, position: "Токар", startDate: "2025-01-01", salary: 30_000, reportedOn: w.today },
          ],
        },
      ]);
    }, "patched");
    expect(row(next, leaving)).toBeUndefined();
    expect(row(next, hired)!.position).toBe("Токар");
    expect(next.counts.employees).toBe(30);
  });

  it("sees a reservation at another enterprise and a mark here that takes a slot of the limit", async () => {
    const [elsewhere, here] = [w.employees[11]!, w.employees[12]!];
    const next = await afterChange(async () => {
      await db.$executeRaw`INSERT INTO oberig.reservation_marks (id, rnokpp, edrpou, "fromDate", "untilDate", status, "activeRnokpp", source, "updatedAt")
        VALUES (gen_random_uuid(), ${elsewhere}, ${other.edrpou}, CURRENT_DATE, CURRENT_DATE + 90, 'ACTIVE', ${elsewhere}, 'diia', now())`;
      await db.$executeRaw`INSERT INTO oberig.reservation_marks (id, rnokpp, edrpou, "fromDate", "untilDate", status, "activeRnokpp", source, "updatedAt")
        VALUES (gen_random_uuid(), ${here}, ${w.edrpou}, CURRENT_DATE, CURRENT_DATE + 90, 'ACTIVE', ${here}, 'diia', now())`;
    }, "patched");
    expect(row(next, elsewhere)!.state).toBe("reserved_elsewhere");
    expect(row(next, here)!.state).toBe("reserved");
    expect(next.limit.used).toBe(1);
  });

  it("keeps the list as it was when the change concerned someone no longer on it", async () => {
    // A person who left still bumps the enterprise's version; nobody listed changed.
    const leaving = w.employees[25]!;
    await db.$executeRaw`UPDATE oberig.employments SET "endDate" = ${addDays(w.today, -30)}::date WHERE rnokpp = ${leaving} AND edrpou = ${w.edrpou}`;
    const before = await model();
    await afterChange(
      () => db.$executeRaw`UPDATE oberig.persons SET "firstName" = 'Колишній' WHERE rnokpp = ${leaving}`,
      "patched",
    );
    expect((await model()).rows).toEqual(before.rows);
  });

  it("notes a change of someone employed at two enterprises for both", async () => {
    const both = w.employees[14]!;
    await db.$executeRaw`INSERT INTO oberig.employments (id, rnokpp, edrpou, position, "startDate", salary, "mainJob", suspended, "reportedOn")
      VALUES (gen_random_uuid(), ${both}, ${other.edrpou}, 'Сумісник', '2024-01-01', 20000, false, false, CURRENT_DATE)`;
    const [here, there] = [await registry().staffVersion(w.edrpou), await registry().staffVersion(other.edrpou)];
    await afterChange(
      () => db.$executeRaw`UPDATE oberig.military_registrations SET status = 'BEING_CLARIFIED' WHERE rnokpp = ${both}`,
      "patched",
    );
    expect((await registry().staffChangesSince(w.edrpou, here, 1_000))!.rnokpps).toEqual([both]);
    expect((await registry().staffChangesSince(other.edrpou, there, 1_000))!.rnokpps).toEqual([both]);
  });

  it("builds the list whole after a change to the enterprise itself", async () => {
    await afterChange(
      () => db.$executeRaw`UPDATE oberig.enterprises SET frontline = NOT frontline WHERE edrpou = ${w.edrpou}`,
      "whole",
    );
  });

  it("builds the list whole after a change to the enterprise's decision (the portal's side)", async () => {
    await afterChange(
      () =>
        db.$executeRaw`UPDATE critical_decisions SET "limitCount" = 12, "updatedAt" = now() WHERE edrpou = ${w.edrpou}`,
      "whole",
    );
  });

  it("builds the list whole once the notes after the cached version are pruned", async () => {
    await afterChange(async () => {
      await db.$executeRaw`UPDATE oberig.military_registrations SET "dataUpdatedOn" = '2025-01-01' WHERE rnokpp = ${w.employees[1]!}`;
      await db.$executeRaw`UPDATE oberig.staff_changes SET at = now() - interval '1 hour' WHERE edrpou = ${w.edrpou}`;
      expect(await registry().pruneStaffChanges(15 * 60)).toBeGreaterThan(0);
    }, "whole");
  });
});

// A 45-day exception is once a year wherever it was used: the portal's reservations remember it
// (lastException45On), not the registry. Its reservation always comes with a registry mark in the
// same transaction, and the mark notes the person for every enterprise that employs them, so the
// lists of the person's other employers re-judge them and only them.
describe("a 45-day exception used at another employer", () => {
  let here: World;
  let there: World;
  let newcomer: string;

  beforeAll(async () => {
    here = await createWorld(createCtx({ actor: null }), { serial: 140, employees: 3, withHeadKey: false });
    there = await createWorld(createCtx({ actor: null }), { serial: 141, employees: 1 });
    // Both defence enterprises: each may reserve a new employee under the exception.
    await db.$executeRaw`UPDATE critical_decisions SET "limitCategory" = 'DEFENCE_100', "updatedAt" = now()
                         WHERE edrpou IN (${here.edrpou}, ${there.edrpou})`;
    // Hired by both ten days ago, military data not updated: only the exception can reserve them.
    const hired = {
      position: "Оператор БпЛА",
      startDate: addDays(here.today, -10),
      salary: 40_000,
      reportedOn: here.today,
    };
    const [created] = await createPeople(db, [
      {
        lastName: "Новобранець",
        firstName: "Олег",
        military: { dataUpdatedOn: null },
        employments: [
          { ...hired, edrpou: here.edrpou },
          { ...hired, edrpou: there.edrpou, mainJob: false },
        ],
      },
    ]);
    newcomer = created!;
  });

  it("re-judges only the person reserved under it elsewhere, then once that reservation is annulled", async () => {
    const before = row(await truth(here.edrpou), newcomer)!;
    expect(before).toMatchObject({ eligible: true, exception45: true, reasons: [] });

    // The other employer reserves them under the exception, through the real decision.
    const reserved = await afterChange(
      async () => {
        const applicationId = await submitSigned(there, [newcomer]);
        const decided = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
        expect(decided).toMatchObject({ outcome: "decided", reserved: 1 });
        const [reservation] = await db.$queryRaw<Array<{ exception45: boolean }>>`
          SELECT exception45 FROM reservations WHERE rnokpp = ${newcomer} AND edrpou = ${there.edrpou}`;
        expect(reservation!.exception45).toBe(true);
      },
      "patched",
      here.edrpou,
    );
    expect(row(reserved, newcomer)).toMatchObject({
      eligible: false,
      state: "reserved_elsewhere",
      exception45: false,
    });

    // Annulled there: no longer reserved anywhere, but the exception of the year is spent.
    const annulled = await afterChange(
      () =>
        db.$transaction(async (tx) => {
          const marks = await registryFor(tx).findActiveMarksAt(there.edrpou);
          const mark = marks.find((m) => m.rnokpp === newcomer)!;
          await annulReservations(tx, {
            edrpou: there.edrpou,
            markIds: [mark.id],
            ground: "HEAD_REQUEST",
            on: there.today,
            actor: null,
          });
        }),
      "patched",
      here.edrpou,
    );
    expect(row(annulled, newcomer)).toMatchObject({
      eligible: false,
      state: "not_reserved",
      exception45: false,
      reasons: [{ code: "DATA_NOT_UPDATED" }],
    });
  });
});

describe("the registry's notes of changes", () => {
  const since = (version: string, limit = 1_000) => registry().staffChangesSince(w.edrpou, version, limit);

  it("names the persons each version changed, for the enterprises concerned only", async () => {
    const start = await registry().staffVersion(w.edrpou);
    const otherStart = await registry().staffVersion(other.edrpou);
    const [a, b] = [w.employees[4]!, w.employees[5]!];
    await db.$executeRaw`UPDATE oberig.military_registrations SET "dataUpdatedOn" = '2025-02-02' WHERE rnokpp IN (${a}, ${b})`;
    const changes = await since(start);
    expect(changes!.rnokpps.sort()).toEqual([a, b].sort());
    expect(changes!.version).toBe(await registry().staffVersion(w.edrpou));
    expect(await registry().staffChangesSince(other.edrpou, otherStart, 1_000)).toEqual({
      version: otherStart,
      rnokpps: [],
    });
  });

  it("cannot tell for a version the enterprise never had, one newer than now, or more persons than the limit", async () => {
    const now = await registry().staffVersion(w.edrpou);
    expect(await since("0")).toBeNull();
    expect(await since("12abc")).toBeNull();
    expect(await since(String(BigInt(now) + 1n))).toBeNull(); // a replica behind the version cached
    await db.$executeRaw`UPDATE oberig.military_registrations SET "dataUpdatedOn" = '2025-03-03' WHERE rnokpp IN (${w.employees[8]!}, ${w.employees[9]!})`;
    expect(await since(now, 1)).toBeNull();
    expect((await since(now, 2))!.rnokpps).toHaveLength(2);
  });

  it("notes nothing for a write that rolls back", async () => {
    const start = await registry().staffVersion(w.edrpou);
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE oberig.persons SET patronymic = 'Тимчасовий' WHERE rnokpp = ${w.employees[2]!}`;
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await since(start)).toEqual({ version: start, rnokpps: [] });
  });

  it("counts a statement about more than 200 persons of one enterprise as a change of the whole staff", async () => {
    const edrpou = "49999991";
    const persons = (n: number) => Array.from({ length: n }, (_, i) => String(9_000_000_000 + i));
    const note = (rnokpps: string[]) =>
      db.$executeRaw`SELECT oberig.note_staff_changes(array_fill(${edrpou}::text, ARRAY[${rnokpps.length}::int]), ${rnokpps}::text[])`;
    await note(persons(1)); // the enterprise's first version
    const first = await registry().staffVersion(edrpou);
    await note(persons(200));
    expect((await registry().staffChangesSince(edrpou, first, 1_000))!.rnokpps).toHaveLength(200);
    const second = await registry().staffVersion(edrpou);
    await note(persons(201));
    expect(await registry().staffChangesSince(edrpou, second, 1_000)).toBeNull();
    const [row] = await db.$queryRaw<Array<{ version: bigint; wholeVersion: bigint; notes: bigint }>>`
      SELECT version, "wholeVersion", (SELECT count(*) FROM oberig.staff_changes c WHERE c.edrpou = s.edrpou AND c.version = s.version) AS notes
        FROM oberig.staff_versions s WHERE edrpou = ${edrpou}`;
    expect(row!.wholeVersion).toBe(row!.version);
    expect(Number(row!.notes)).toBe(0);
    // Later changes of a few persons are noted again, from the whole change on.
    const third = await registry().staffVersion(edrpou);
    await note(persons(3));
    expect((await registry().staffChangesSince(edrpou, third, 1_000))!.rnokpps).toHaveLength(3);
  });
});
