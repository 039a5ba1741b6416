import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { maskRnokpp } from "@/lib/identifiers";
import {
  createReservationDraft,
  decideSubmittedApplication,
  EMPLOYEE_SORTS,
  listEmployees,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { expectEvery } from "@/tests/support/expect-every";
import { createCtx } from "@/lib/context-server";

// The employee list: everyone employed today, eligibility without the limit and the reasons,
// filters, search, sorts and pages, masked РНОКПП — and a cached model that notices every
// change of its inputs (a dismissal, a new reservation, a registry update).

let w: World;

beforeAll(async () => {
  w = await createWorld(createCtx({ actor: null }), {
    serial: 61,
    employees: 30,
    limitCount: 2,
    withAuthorizedPerson: true,
  });
  // Make the staff varied: a conscript, a low salary, someone wanted, someone gone.
  const [conscript, lowPaid, wanted, gone] = w.employees;
  await db.militaryRegistration.update({ where: { rnokpp: conscript }, data: { liability: "CONSCRIPT" } });
  await db.employment.updateMany({ where: { rnokpp: lowPaid, edrpou: w.edrpou }, data: { salary: "15000" } });
  await db.militaryRegistration.update({ where: { rnokpp: wanted }, data: { wanted: true, status: "WANTED" } });
  await db.employment.updateMany({
    where: { rnokpp: gone, edrpou: w.edrpou },
    data: { endDate: isoDateToUtc(addDays(w.today, -5)) },
  });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("listEmployees", () => {
  it("lists the current staff with eligibility ignoring the limit, and reasons in words", async () => {
    const list = await listEmployees(createCtx({ actor: w.head.actor }), { edrpou: w.edrpou, pageSize: 100 });
    expect(list.total).toBe(29); // the dismissed one is not current staff
    expect(list.counts).toEqual({ employees: 29, eligible: 26, reserved: 0 });
    // The limit is 2, yet 26 are eligible: the list does not hand out slots.
    expect(list.limit).toEqual({ total: 2, used: 0, available: 2 });
    const byName = list.items.map((i) => i.fullName);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "uk")));
    expectEvery(list.items, (i) => i.rnokpp.includes("*"));
    const lowPaid = list.items.find((i) => i.rnokpp === maskRnokpp(w.employees[1]!))!;
    expect(lowPaid).toMatchObject({
      eligible: false,
      salary: 1_500_000,
      position: expect.any(String),
      militaryStatus: "ON_REGISTER",
    });
    expect(lowPaid.reasons[0]!.code).toBe("SALARY_BELOW_THRESHOLD");
    expect(lowPaid.reasons[0]!.message).toMatch(/грн\)$/);
  });

  it("filters by eligibility, reason and state, searches by name or РНОКПП, sorts and pages", async () => {
    const refused = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      eligible: false,
      revealRnokpp: true,
    });
    expect(refused.items.map((i) => i.rnokpp).sort()).toEqual(
      [w.employees[0]!, w.employees[1]!, w.employees[2]!].sort(),
    );
    const wanted = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      reason: "WANTED",
      revealRnokpp: true,
    });
    expect(wanted.items.map((i) => i.rnokpp)).toEqual([w.employees[2]!]);
    const byPrefix = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      q: w.employees[5]!.slice(0, 9),
      revealRnokpp: true,
    });
    expect(byPrefix.items.map((i) => i.rnokpp)).toContain(w.employees[5]!);
    const byName = await listEmployees(createCtx({ actor: w.head.actor }), { edrpou: w.edrpou, q: "ПРАЦІВНИК0001" });
    expect(byName.items.map((i) => i.fullName)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Працівник0001\d/)]),
    );
    expect(byName.total).toBe(10); // Працівник00010 … Працівник00019

    const page2 = await listEmployees(createCtx({ actor: w.head.actor }), { edrpou: w.edrpou, page: 2, pageSize: 10 });
    const all = await listEmployees(createCtx({ actor: w.head.actor }), { edrpou: w.edrpou, pageSize: 100 });
    expect(page2.items.map((i) => i.fullName)).toEqual(all.items.slice(10, 20).map((i) => i.fullName));
    const bySalary = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      sort: "salary",
      pageSize: 1,
    });
    expect(bySalary.items[0]!.salary).toBe(1_500_000);
    const byNameDesc = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      sort: "-name",
      pageSize: 100,
    });
    expect(byNameDesc.items.map((i) => i.fullName)).toEqual(all.items.map((i) => i.fullName).reverse());
  });

  it("cuts every page in every order and filter exactly as sorting and filtering the whole list would", async () => {
    // Varied salaries with ties, so that orders differ from the name order and ties must keep it.
    for (const [i, rnokpp] of w.employees.slice(3, 15).entries())
      await db.employment.updateMany({
        where: { rnokpp, edrpou: w.edrpou },
        data: { salary: String(40_000 + (i % 4) * 1_000) },
      });
    const ctx = () => createCtx({ actor: w.head.actor });
    const all = (await listEmployees(ctx(), { edrpou: w.edrpou, pageSize: 500, revealRnokpp: true })).items;
    const filters = [
      {},
      { eligible: false },
      { eligible: true },
      { reason: "WANTED" as const },
      { state: "not_reserved" as const },
      { militaryLiable: true, eligible: true },
      { militaryLiable: true },
      { state: "reserved" as const },
    ];
    const matching = (f: (typeof filters)[number]) =>
      all.filter(
        (row) =>
          (!("eligible" in f) || row.eligible === f.eligible) &&
          (!("reason" in f) || row.reasons.some((r) => r.code === f.reason)) &&
          (!("state" in f) || row.state === f.state) &&
          (!("militaryLiable" in f) || !row.reasons.some((r) => r.code === "NOT_MILITARY_LIABLE")),
      );
    const ordered = (rows: typeof all, sort: (typeof EMPLOYEE_SORTS)[number]) => {
      if (sort === "name") return rows;
      if (sort === "-name") return [...rows].reverse();
      const key = sort.replace("-", "") as "salary" | "reservedUntil" | "hiredOn";
      const direction = sort.startsWith("-") ? -1 : 1;
      return [...rows].sort((a, b) =>
        a[key] === b[key] ? 0 : a[key] === null ? 1 : b[key] === null ? -1 : direction * (a[key]! < b[key]! ? -1 : 1),
      );
    };
    let pages = 0;
    for (const sort of EMPLOYEE_SORTS)
      for (const filter of filters) {
        const expected = ordered(matching(filter), sort);
        for (const page of [1, 2, 3, 5]) {
          const got = await listEmployees(ctx(), {
            edrpou: w.edrpou,
            ...filter,
            sort,
            page,
            pageSize: 7,
            revealRnokpp: true,
          });
          expect(got.total, `${sort} ${JSON.stringify(filter)}`).toBe(expected.length);
          expect(
            got.items.map((i) => i.rnokpp),
            `${sort} ${JSON.stringify(filter)} page ${page}`,
          ).toEqual(expected.slice((page - 1) * 7, page * 7).map((i) => i.rnokpp));
          pages += 1;
        }
      }
    expect(pages).toBe(EMPLOYEE_SORTS.length * filters.length * 4);
    expect(new Set(all.map((i) => i.salary)).size).toBeGreaterThan(3);
  });

  it("narrows to the military-liable on the register: the conscript is left out, the rest stay", async () => {
    const liable = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      militaryLiable: true,
      pageSize: 100,
      revealRnokpp: true,
    });
    expect(liable.total).toBe(28);
    expect(liable.items.map((i) => i.rnokpp)).not.toContain(w.employees[0]!);
    expect(liable.items.map((i) => i.rnokpp)).toEqual(expect.arrayContaining([w.employees[1]!, w.employees[2]!]));
    const all = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      pageSize: 100,
      revealRnokpp: true,
    });
    const conscript = all.items.find((i) => i.rnokpp === w.employees[0]!)!;
    expect(conscript.reasons.map((r) => r.code)).toContain("NOT_MILITARY_LIABLE");
  });

  it("sees every change of its inputs at once, though the model is cached", async () => {
    const before = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      state: "reserved",
      revealRnokpp: true,
    });
    expect(before.total).toBe(0);
    const person = w.employees[10]!;
    const draft = await createReservationDraft(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      employees: [{ rnokpp: person }],
    });
    const { applicationId } = await submitApplication(createCtx({ actor: w.head.actor }), {
      draftId: draft.draftId,
      signature: sign(w.head.key!, draft.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });

    const after = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      state: "reserved",
      revealRnokpp: true,
    });
    expect(after.items.map((i) => [i.rnokpp, i.eligible, i.reasons.map((r) => r.code)])).toEqual([
      [person, false, ["ALREADY_RESERVED"]],
    ]);
    expect(after.items[0]!.reservedUntil).not.toBeNull();
    expect(after.limit).toEqual({ total: 2, used: 1, available: 1 });

    // A registry update (data no longer current) and a dismissal, through the registry's own tables.
    await db.militaryRegistration.update({ where: { rnokpp: w.employees[11]! }, data: { status: "BEING_CLARIFIED" } });
    await db.employment.updateMany({
      where: { rnokpp: w.employees[12]!, edrpou: w.edrpou },
      data: { endDate: isoDateToUtc(addDays(w.today, -1)) },
    });
    const changed = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      pageSize: 100,
      revealRnokpp: true,
    });
    expect(changed.total).toBe(28);
    expect(changed.items.find((i) => i.rnokpp === w.employees[11])!.reasons.map((r) => r.code)).toContain(
      "DATA_NOT_UPDATED",
    );
  });

  it("is the enterprise's own: another enterprise's head gets not found; an authorized person may read", async () => {
    const other = await createWorld(createCtx({ actor: null }), { serial: 62, employees: 1, withHeadKey: false });
    const error = await listEmployees(createCtx({ actor: other.head.actor }), { edrpou: w.edrpou }).catch(
      (caught: unknown) => caught,
    );
    expect((error as AppError).code).toBe("ENTERPRISE_NOT_FOUND");
    const asAuthorized = await listEmployees(createCtx({ actor: w.authorized!.actor }), {
      edrpou: w.edrpou,
      pageSize: 1,
    });
    expect(asAuthorized.total).toBe(28);
  });
});
