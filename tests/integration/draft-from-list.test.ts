import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createReservationDraft } from "@/lib/reservations";
import { loadEmployeeListModel, modelBuilds } from "@/lib/reservations/employee-list-model";
import { loadApplicationFacts } from "@/lib/reservations/load-application-facts";
import { createWorld, personRnokpp, type World } from "@/lib/reservations/testing/world";
import { clearVersionCache } from "@/lib/reservations/version-cache";
import { createCtx } from "@/lib/context-server";

// A draft made while the employee list's model is at hand in the process (the head has just been
// choosing in it) takes the registry records from the model instead of reading them again. Its
// pre-check must be exactly the one a draft that reads everything itself gives — also after a
// registry change made since the list was shown (the model is brought to the current version
// first) — and persons the list does not hold are read as before.

let w: World;

beforeAll(async () => {
  // Long enough for a draft to take the list's records (500 employees listed and more).
  w = await createWorld(createCtx({ actor: null }), { serial: 126, employees: 520, limitCount: 5 });
});

afterAll(async () => {
  await stopSenderBoss();
});

beforeEach(() => clearVersionCache());

const outsider = personRnokpp(126, 900);
const shortList = () => w.employees.slice(0, 20).map((rnokpp) => ({ rnokpp }));
const listed = () => [...w.employees, outsider].map((rnokpp) => ({ rnokpp }));

async function precheck() {
  const draft = await createReservationDraft(createCtx({ actor: w.head.actor }), {
    edrpou: w.edrpou,
    employees: listed(),
  });
  return { precheck: draft.precheck, limit: draft.limit };
}

/** The pre-check of a draft that reads every record itself (no model in the process). */
async function readingEverything() {
  clearVersionCache();
  return precheck();
}

const showList = () => loadEmployeeListModel(createCtx({ actor: null }), { edrpou: w.edrpou, date: w.today });

describe("a draft made from the employee list", () => {
  it("pre-checks exactly as a draft that reads every record itself", async () => {
    await showList();
    const builds = { ...modelBuilds };
    const fromList = await precheck();
    // The model was at hand and current: neither built again nor patched.
    expect(modelBuilds).toEqual(builds);
    expect(fromList).toEqual(await readingEverything());
    expect(fromList.precheck.map((p) => p.eligible)).toEqual([...w.employees, outsider].map((_, i) => i < 5));
    expect(fromList.precheck.at(-1)!.reasons.map((r) => r.code)).toEqual(["NOT_AN_EMPLOYEE"]);
  });

  it("sees a registry change made after the list was shown", async () => {
    await showList();
    const target = w.employees[2]!;
    await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${target}`;
    try {
      const patched = modelBuilds.patched;
      const fromList = await precheck();
      expect(modelBuilds.patched).toBe(patched + 1);
      expect(fromList).toEqual(await readingEverything());
      const item = fromList.precheck.find((p) => p.rnokpp === target)!;
      expect(item.eligible).toBe(false);
      expect(item.reasons.map((r) => r.code)).toContain("WANTED");
    } finally {
      await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = false WHERE rnokpp = ${target}`;
    }
  });

  it("takes the records from the model at hand rather than reading them again", async () => {
    const model = await showList();
    const target = w.employees[0]!;
    const record = model.staff.get(target)!;
    // The cached model's record changed in place: a draft that read the registry would not see it.
    (model.staff as Map<string, typeof record>).set(target, {
      ...record,
      person: { ...record.person, fullName: "Із моделі Запис Тестовий" },
    });
    const fromList = await precheck();
    expect(fromList.precheck[0]!.fullName).toBe("Із моделі Запис Тестовий");
  });

  it("leaves the model alone for a short list, which costs little to read", async () => {
    await showList();
    await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${w.employees[4]!}`;
    try {
      const builds = { ...modelBuilds };
      const draft = await createReservationDraft(createCtx({ actor: w.head.actor }), {
        edrpou: w.edrpou,
        employees: shortList(),
      });
      expect(modelBuilds).toEqual(builds);
      expect(draft.precheck[4]!.reasons.map((r) => r.code)).toContain("WANTED");
    } finally {
      await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = false WHERE rnokpp = ${w.employees[4]!}`;
    }
  });

  it("takes the records it is handed and reads only the persons not among them", async () => {
    const model = await showList();
    const target = w.employees[0]!;
    // A record that is not the registry's: if it were read again, the registry's would win.
    const record = model.staff.get(target)!;
    const doctored = new Map(model.staff);
    doctored.set(target, { ...record, person: { ...record.person, fullName: "Із моделі Запис Тестовий" } });
    const loaded = await loadApplicationFacts(createCtx({ actor: null }), {
      edrpou: w.edrpou,
      date: w.today,
      employees: [target, w.employees[1]!, outsider].map((rnokpp) => ({ rnokpp, confirmedSalary: null })),
      known: doctored,
    });
    expect(loaded.staff.get(target)!.person.fullName).toBe("Із моделі Запис Тестовий");
    expect(loaded.staff.get(w.employees[1]!)).toEqual(model.staff.get(w.employees[1]!));
    expect(loaded.staff.has(outsider)).toBe(false);
    expect(loaded.facts.employees.map((e) => e.rnokpp)).toEqual([target, w.employees[1], outsider]);
  });
});
