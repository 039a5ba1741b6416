import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { registry, type StaffRecord } from "@/lib/registry";
import { addDays } from "@/lib/rules";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// The staff read-model behind the rules engine (findStaff) reads persons, military records,
// employments and active marks in separate set-based queries and joins them in JavaScript.
// Here it is compared with the same data read through Prisma's relations, for a staff that has
// every shape the rules care about: no military record, a deferment and a wanted flag, an
// earlier employment at the same enterprise, an employment that ended, a mark elsewhere.

let w: World;
let other: World;

const iso = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));

/** What findStaff should answer, read the other way: Prisma's relations, one person at a time. */
async function expected(edrpou: string, rnokpps: string[]): Promise<StaffRecord[]> {
  const people = await db.person.findMany({
    where: { rnokpp: { in: rnokpps } },
    include: {
      military: true,
      employments: { where: { edrpou }, orderBy: [{ startDate: "asc" }, { id: "asc" }] },
      marks: { where: { activeRnokpp: { not: null } } },
    },
  });
  return people.map((p) => ({
    person: {
      rnokpp: p.rnokpp,
      lastName: p.lastName,
      firstName: p.firstName,
      patronymic: p.patronymic,
      fullName: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(" "),
      birthDate: iso(p.birthDate)!,
      sex: p.sex,
      military: p.military && {
        status: p.military.status,
        liability: p.military.liability,
        dataUpdatedOn: iso(p.military.dataUpdatedOn),
        wanted: p.military.wanted,
        wantedCriminal: p.military.wantedCriminal,
        deferment: p.military.deferment,
        defermentUntil: iso(p.military.defermentUntil),
      },
    },
    employments: p.employments.map((e) => ({
      rnokpp: e.rnokpp,
      position: e.position,
      startDate: iso(e.startDate)!,
      endDate: iso(e.endDate),
      salaryKop: Math.round(Number(e.salary.toString()) * 100),
      mainJob: e.mainJob,
      suspended: e.suspended,
    })),
    activeMarks: p.marks.map((m) => ({
      id: m.id,
      rnokpp: m.rnokpp,
      edrpou: m.edrpou,
      fromDate: iso(m.fromDate)!,
      untilDate: iso(m.untilDate)!,
      status: m.status,
      source: m.source,
      reservationId: m.reservationId,
    })),
  }));
}

const byRnokpp = (records: StaffRecord[]) => [...records].sort((a, b) => (a.person.rnokpp < b.person.rnokpp ? -1 : 1));

beforeAll(async () => {
  w = await createWorld(createCtx({ actor: null }), { serial: 118, employees: 8, withHeadKey: false });
  other = await createWorld(createCtx({ actor: null }), { serial: 119, employees: 1, withHeadKey: false });
  const [unregistered, deferred, rehired, left, markedElsewhere] = w.employees as [
    string,
    string,
    string,
    string,
    string,
  ];
  const yesterday = new Date(`${addDays(w.today, -1)}T00:00:00.000Z`);
  await db.militaryRegistration.delete({ where: { rnokpp: unregistered } });
  await db.militaryRegistration.update({
    where: { rnokpp: deferred },
    data: {
      deferment: "догляд за особою з інвалідністю I групи",
      defermentUntil: new Date("2027-03-01T00:00:00.000Z"),
      wanted: true,
      wantedCriminal: false,
      dataUpdatedOn: null,
    },
  });
  await db.employment.create({
    data: {
      rnokpp: rehired,
      edrpou: w.edrpou,
      position: "Слюсар (раніше)",
      startDate: new Date("2015-02-01T00:00:00.000Z"),
      endDate: new Date("2018-06-30T00:00:00.000Z"),
      salary: "12345.67",
      mainJob: false,
      suspended: true,
      reportedOn: new Date("2018-06-30T00:00:00.000Z"),
    },
  });
  await db.employment.updateMany({ where: { rnokpp: left, edrpou: w.edrpou }, data: { endDate: yesterday } });
  await db.reservationMark.create({
    data: {
      rnokpp: markedElsewhere,
      edrpou: other.edrpou,
      fromDate: yesterday,
      untilDate: new Date(`${addDays(w.today, 90)}T00:00:00.000Z`),
      activeRnokpp: markedElsewhere,
      source: "diia",
    },
  });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("findStaff", () => {
  it("answers a list of РНОКПП with each person's record, employments here oldest first and marks anywhere; unknown ones are absent", async () => {
    const unknown = "1234567890";
    const staff = await registry().findStaff(w.edrpou, { rnokpps: [...w.employees, w.employees[0]!, unknown] });
    expect(staff).toHaveLength(w.employees.length);
    expect(byRnokpp(staff)).toEqual(byRnokpp(await expected(w.edrpou, w.employees)));

    const [unregistered, deferred, rehired, left, markedElsewhere] = w.employees;
    const of = (rnokpp: string | undefined) => staff.find((s) => s.person.rnokpp === rnokpp)!;
    expect(of(unregistered).person.military).toBeNull();
    expect(of(deferred).person.military).toMatchObject({
      deferment: "догляд за особою з інвалідністю I групи",
      defermentUntil: "2027-03-01",
      wanted: true,
      wantedCriminal: false,
      dataUpdatedOn: null,
    });
    expect(of(rehired).employments.map((e) => e.startDate)[0]).toBe("2015-02-01");
    expect(of(rehired).employments[0]).toMatchObject({ salaryKop: 1_234_567, mainJob: false, suspended: true });
    expect(of(left).employments[0]!.endDate).toBe(addDays(w.today, -1));
    expect(of(markedElsewhere).activeMarks).toEqual([
      expect.objectContaining({ edrpou: other.edrpou, source: "diia", status: "ACTIVE" }),
    ]);
  });

  it("answers a long list (read through the enterprise's whole staff) the same as a short one", async () => {
    // From 500 РНОКПП on, the employments are read for the whole enterprise and filtered here.
    const filler = Array.from({ length: 600 }, (_, i) => String(1_000_000_000 + i));
    const staff = await registry().findStaff(w.edrpou, { rnokpps: [...filler, ...w.employees] });
    expect(byRnokpp(staff)).toEqual(byRnokpp(await expected(w.edrpou, w.employees)));
  });

  it("answers everyone employed on a day: the one who left yesterday is not, the rehired one once", async () => {
    const left = w.employees[3]!;
    const staff = await registry().findStaff(w.edrpou, { employedOn: w.today });
    const employed = w.employees.filter((r) => r !== left);
    expect(staff.map((s) => s.person.rnokpp).sort()).toEqual(employed.sort());
    expect(byRnokpp(staff)).toEqual(byRnokpp(await expected(w.edrpou, employed)));

    const before = await registry().findStaff(w.edrpou, { employedOn: addDays(w.today, -1) });
    expect(before.map((s) => s.person.rnokpp)).toContain(left);
  });
});
