import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, ConscriptActor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyToVacancy } from "@/lib/recruitment/apply-to-vacancy";
import { closeVacancy } from "@/lib/recruitment/close-vacancy";
import { decideVacancyApplication } from "@/lib/recruitment/decide-vacancy-application";
import { getMyVacancyApplication } from "@/lib/recruitment/get-my-vacancy-application";
import { getUnitApplication } from "@/lib/recruitment/get-unit-application";
import { getUnitVacancy } from "@/lib/recruitment/get-unit-vacancy";
import { listMyVacancyApplications } from "@/lib/recruitment/list-my-vacancy-applications";
import { listOpenVacancies } from "@/lib/recruitment/list-open-vacancies";
import { listUnitApplications } from "@/lib/recruitment/list-unit-applications";
import { listUnitVacancies } from "@/lib/recruitment/list-unit-vacancies";
import { publishVacancy } from "@/lib/recruitment/publish-vacancy";
import { ZVacancyFilters } from "@/lib/recruitment/schemas";
import { updateVacancy } from "@/lib/recruitment/update-vacancy";
import { withdrawVacancyApplication } from "@/lib/recruitment/withdraw-vacancy-application";
import { createMilitaryUnit, createPerson, createUser, createVacancy } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";

// Vacancies, two-click applications and the unit recruiter's answers, with the scoping that
// keeps one unit (and one citizen) out of another's data.

const now = new Date("2026-11-22T10:00:00Z");
const conscript = (rnokpp: string): ConscriptActor => ({
  userId: null,
  rnokpp,
  fullName: "Тест",
  role: "CONSCRIPT",
  via: "password",
});
const recruiterOf = (unitId: string, rnokpp: string): Actor => ({
  userId: null,
  rnokpp,
  fullName: "Рекрутер",
  role: "RECRUITER",
  unitId,
  via: "password",
});
const filters = (raw: Record<string, unknown> = {}) => ZVacancyFilters.parse(raw);

let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let recruiterA: Actor;
let recruiterB: Actor;
let droneA: { id: string };
let medicA: { id: string };
let droneB: { id: string };
let closedA: { id: string };

async function code(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

beforeAll(async () => {
  unitA = await createMilitaryUnit(db, {
    name: "Бригада безпілотних систем «Альфа»",
    branch: "Сили безпілотних систем",
    region: "Харківська область",
  });
  unitB = await createMilitaryUnit(db, {
    name: "Механізована бригада «Браво»",
    branch: "Сухопутні війська",
    region: "Донецька область",
  });
  const recA = await createPerson(db, { lastName: "Руденко" });
  const recB = await createPerson(db, { lastName: "Бойко" });
  await createUser(db, { role: "RECRUITER", rnokpp: recA.rnokpp, unitId: unitA.id });
  await createUser(db, { role: "RECRUITER", rnokpp: recB.rnokpp, unitId: unitB.id });
  recruiterA = recruiterOf(unitA.id, recA.rnokpp);
  recruiterB = recruiterOf(unitB.id, recB.rnokpp);
  droneA = await createVacancy(db, {
    unitId: unitA.id,
    title: "Оператор БпЛА",
    specialty: "150125 — оператор БпЛА",
    region: "Харківська область",
  });
  medicA = await createVacancy(db, {
    unitId: unitA.id,
    title: "Бойовий медик",
    specialty: "872 — медик",
    region: "Харківська область",
  });
  droneB = await createVacancy(db, {
    unitId: unitB.id,
    title: "Оператор FPV-дронів",
    specialty: "150125 — оператор БпЛА",
    region: "Донецька область",
  });
  closedA = await createVacancy(db, { unitId: unitA.id, title: "Водій", status: "CLOSED" });
  for (let i = 0; i < 13; i++)
    await createVacancy(db, {
      unitId: unitB.id,
      title: `Стрілець ${i}`,
      specialty: "100 — стрілець",
      region: "Донецька область",
    });
});

describe("listOpenVacancies", () => {
  it("pages the open vacancies on the server and offers the filters' values", async () => {
    const citizen = (await createPerson(db)).rnokpp;
    const first = await listOpenVacancies(createCtx({ actor: conscript(citizen) }), { filters: filters() });
    expect(first.total).toBe(16);
    expect(first.items).toHaveLength(12);
    expect(
      (await listOpenVacancies(createCtx({ actor: conscript(citizen) }), { filters: filters({ page: "2" }) })).items,
    ).toHaveLength(4);
    expect(first.facets.regions).toEqual(["Донецька область", "Харківська область"]);
    expect(first.facets.branches).toEqual(["Сили безпілотних систем", "Сухопутні війська"]);
    expect(first.items.some((v) => v.id === closedA.id)).toBe(false);
  });

  it("filters by region, specialty, branch and text", async () => {
    const actor = conscript((await createPerson(db)).rnokpp);
    const ids = async (raw: Record<string, unknown>) =>
      (await listOpenVacancies(createCtx({ actor }), { filters: filters(raw) })).items.map((v) => v.id).sort();
    expect(await ids({ region: "Харківська область" })).toEqual([droneA.id, medicA.id].sort());
    expect(await ids({ specialty: "150125 — оператор БпЛА" })).toEqual([droneA.id, droneB.id].sort());
    expect(await ids({ branch: "Сили безпілотних систем" })).toEqual([droneA.id, medicA.id].sort());
    expect(await ids({ q: "медик" })).toEqual([medicA.id]);
    expect(await ids({ q: "fpv" })).toEqual([droneB.id]);
    expect(await ids({ q: "Альфа", specialty: "872 — медик" })).toEqual([medicA.id]);
  });

  it("odd query strings fall back to defaults instead of failing", () => {
    expect(filters({ page: "-3", region: 42 })).toMatchObject({ page: 1, region: undefined });
  });
});

describe("applying", () => {
  it("two clicks: the application is stored once, the citizen and the unit's recruiter are told", async () => {
    const citizen = (await createPerson(db)).rnokpp;
    const result = await applyToVacancy(createCtx({ actor: conscript(citizen), now }), {
      vacancyId: droneA.id,
      comment: "Маю досвід з FPV",
    });
    expect(result).toMatchObject({ status: "SUBMITTED", wanted: false });
    expect(await db.vacancyApplication.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      rnokpp: citizen,
      comment: "Маю досвід з FPV",
    });
    expect(
      await db.notification.count({ where: { recipientRnokpp: citizen, kind: "vacancyApplication.submitted" } }),
    ).toBe(1);
    expect(
      await db.notification.count({
        where: { recipientRnokpp: recruiterA.rnokpp!, audience: "unit", kind: "vacancyApplication.received" },
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await db.notification.count({
        where: { recipientRnokpp: recruiterB.rnokpp!, kind: "vacancyApplication.received" },
      }),
    ).toBe(0);
    const catalogue = await listOpenVacancies(createCtx({ actor: conscript(citizen) }), {
      filters: filters({ region: "Харківська область" }),
    });
    expect(catalogue.items.find((v) => v.id === droneA.id)?.myApplication).toEqual({
      id: result.id,
      status: "SUBMITTED",
    });

    expect(await code(applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: droneA.id }))).toBe(
      "ALREADY_APPLIED",
    );
    expect(await db.vacancyApplication.count({ where: { rnokpp: citizen } })).toBe(1);
  });

  it("two confirmations at once still store one application", async () => {
    const citizen = (await createPerson(db)).rnokpp;
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: medicA.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.vacancyApplication.count({ where: { rnokpp: citizen } })).toBe(1);
  });

  it("refuses a closed vacancy, an unknown one, and a person off the military register, writing nothing", async () => {
    const citizen = (await createPerson(db)).rnokpp;
    expect(await code(applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: closedA.id }))).toBe(
      "VACANCY_CLOSED",
    );
    expect(
      await code(
        applyToVacancy(createCtx({ actor: conscript(citizen), now }), {
          vacancyId: "00000000-0000-4000-8000-000000000000",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await code(applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: "junk" }))).toBe(
      "VALIDATION_FAILED",
    );
    for (const status of ["REMOVED", "EXCLUDED", "NOT_REGISTERED"] as const) {
      const off = (await createPerson(db, { military: { status } })).rnokpp;
      expect(await code(applyToVacancy(createCtx({ actor: conscript(off), now }), { vacancyId: droneA.id }))).toMatch(
        /^(REMOVED_OR_EXCLUDED|NOT_REGISTERED)$/,
      );
      expect(await db.vacancyApplication.count({ where: { rnokpp: off } })).toBe(0);
    }
    const criminal = (await createPerson(db, { military: { status: "WANTED", wanted: true, wantedCriminal: true } }))
      .rnokpp;
    expect(await code(applyToVacancy(createCtx({ actor: conscript(criminal), now }), { vacancyId: droneA.id }))).toBe(
      "WANTED_CRIMINAL",
    );
  });

  it("a person «у розшуку» may apply; the unit sees the flag", async () => {
    const wanted = (await createPerson(db, { military: { status: "WANTED" } })).rnokpp;
    const result = await applyToVacancy(createCtx({ actor: conscript(wanted), now }), { vacancyId: medicA.id });
    expect(result.wanted).toBe(true);
    const seen = await getUnitApplication(createCtx({ actor: recruiterA, now }), { applicationId: result.id });
    expect(seen.applicant).toMatchObject({ wanted: true, registrationStatus: "WANTED" });
  });

  it("the citizen may withdraw while it waits, then apply again; never someone else's", async () => {
    const citizen = (await createPerson(db)).rnokpp;
    const stranger = (await createPerson(db)).rnokpp;
    const { id } = await applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: droneB.id });
    expect(
      await code(withdrawVacancyApplication(createCtx({ actor: conscript(stranger), now }), { applicationId: id })),
    ).toBe("NOT_FOUND");
    expect(await code(getMyVacancyApplication(createCtx({ actor: conscript(stranger) }), { applicationId: id }))).toBe(
      "NOT_FOUND",
    );
    expect(await listMyVacancyApplications(createCtx({ actor: conscript(stranger) }))).toEqual([]);

    await withdrawVacancyApplication(createCtx({ actor: conscript(citizen), now }), { applicationId: id });
    expect(
      (await getMyVacancyApplication(createCtx({ actor: conscript(citizen) }), { applicationId: id })).status,
    ).toBe("WITHDRAWN");
    expect(
      await code(withdrawVacancyApplication(createCtx({ actor: conscript(citizen), now }), { applicationId: id })),
    ).toBe("CONFLICT");
    const again = await applyToVacancy(createCtx({ actor: conscript(citizen), now }), { vacancyId: droneB.id });
    expect(again).toMatchObject({ id, status: "SUBMITTED" });
  });
});

describe("the unit's recruiter", () => {
  it("sees only their unit's applications, with the candidate's contacts, age, ВОС and ВЛК", async () => {
    const { rnokpp } = await createPerson(db, {
      birthDate: "1995-06-01",
      phone: "+380931112233",
      email: "cand@example.com",
      military: { specialty: "150125 — оператор БпЛА", vlkDate: "2025-02-01", vlkResult: "придатний" },
    });
    const mine = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: droneA.id });
    const theirs = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: droneB.id });

    const page = await listUnitApplications(createCtx({ actor: recruiterA, now }));
    expect(page.items.some((a) => a.id === mine.id)).toBe(true);
    expect(page.items.some((a) => a.id === theirs.id)).toBe(false);
    expect(page.items.find((a) => a.id === mine.id)!.applicant).toMatchObject({
      age: 31,
      phone: "+380931112233",
      email: "cand@example.com",
      specialty: "150125 — оператор БпЛА",
      vlkDate: "2025-02-01",
      vlkResult: "придатний",
      wanted: false,
    });
    expect(JSON.stringify(page)).not.toContain(rnokpp);
    expect(await code(getUnitApplication(createCtx({ actor: recruiterA, now }), { applicationId: theirs.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(listUnitApplications(createCtx({ actor: conscript(rnokpp), now })))).toBe("FORBIDDEN");
  });

  it("accepts with a comment; the citizen is told in the cabinet and by e-mail", async () => {
    const { rnokpp } = await createPerson(db, { email: "accepted@example.com" });
    const { id } = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: droneA.id });
    await decideVacancyApplication(createCtx({ actor: recruiterA, now }), {
      applicationId: id,
      decision: "ACCEPTED",
      comment: "Чекаємо на співбесіду в понеділок",
    });
    expect(await getMyVacancyApplication(createCtx({ actor: conscript(rnokpp) }), { applicationId: id })).toMatchObject(
      { status: "ACCEPTED", decisionComment: "Чекаємо на співбесіду в понеділок" },
    );
    const note = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: rnokpp, kind: "vacancyApplication.accepted" },
    });
    expect(note.body).toContain("Чекаємо на співбесіду в понеділок");
    expect(await db.outgoingEmail.count({ where: { to: "accepted@example.com" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: id, action: "vacancyApplication.accept" } })).toBe(1);
    expect(
      await code(
        decideVacancyApplication(createCtx({ actor: recruiterA, now }), {
          applicationId: id,
          decision: "DECLINED",
          comment: "Передумали",
        }),
      ),
    ).toBe("CONFLICT");
    expect(
      await code(withdrawVacancyApplication(createCtx({ actor: conscript(rnokpp), now }), { applicationId: id })),
    ).toBe("CONFLICT");
  });

  it("a recruiter of another unit cannot decide: NOT_FOUND, nothing changes", async () => {
    const { rnokpp } = await createPerson(db);
    const { id } = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: droneA.id });
    expect(
      await code(
        decideVacancyApplication(createCtx({ actor: recruiterB, now }), { applicationId: id, decision: "ACCEPTED" }),
      ),
    ).toBe("NOT_FOUND");
    expect((await db.vacancyApplication.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    expect(
      await db.notification.count({
        where: {
          recipientRnokpp: rnokpp,
          kind: { in: ["vacancyApplication.accepted", "vacancyApplication.declined"] },
        },
      }),
    ).toBe(0);
  });

  it("declining needs a reason for the candidate", async () => {
    const { rnokpp } = await createPerson(db);
    const { id } = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: medicA.id });
    expect(
      await code(
        decideVacancyApplication(createCtx({ actor: recruiterA, now }), { applicationId: id, decision: "DECLINED" }),
      ),
    ).toBe("VALIDATION_FAILED");
    await decideVacancyApplication(createCtx({ actor: recruiterA, now }), {
      applicationId: id,
      decision: "DECLINED",
      comment: "Потрібен досвід у медицині",
    });
    expect((await getMyVacancyApplication(createCtx({ actor: conscript(rnokpp) }), { applicationId: id })).status).toBe(
      "DECLINED",
    );
  });

  it("publishes, edits and closes the unit's vacancies; closing declines the waiting applications", async () => {
    const { id } = await publishVacancy(createCtx({ actor: recruiterA, now }), {
      title: "Інженер РЕБ",
      specialty: "РЕБ",
      region: "Харківська область",
      requirements: "Технічна освіта",
      description: "Обслуговування засобів РЕБ",
    });
    expect(
      await code(
        publishVacancy(createCtx({ actor: recruiterA, now }), {
          title: "",
          specialty: "",
          region: "",
          requirements: "",
          description: "",
        }),
      ),
    ).toBe("VALIDATION_FAILED");
    await updateVacancy(createCtx({ actor: recruiterA }), {
      vacancyId: id,
      title: "Інженер РЕБ (старший)",
      specialty: "РЕБ",
      region: "Харківська область",
      requirements: "Технічна освіта",
      description: "Обслуговування засобів РЕБ",
    });
    expect((await getUnitVacancy(createCtx({ actor: recruiterA }), { vacancyId: id })).title).toBe(
      "Інженер РЕБ (старший)",
    );
    expect(await code(getUnitVacancy(createCtx({ actor: recruiterB }), { vacancyId: id }))).toBe("NOT_FOUND");
    expect(
      await code(
        updateVacancy(createCtx({ actor: recruiterB }), {
          vacancyId: id,
          title: "Чужа",
          specialty: "РЕБ",
          region: "Х",
          requirements: "Так",
          description: "Спроба змінити чужу вакансію",
        }),
      ),
    ).toMatch(/NOT_FOUND|VALIDATION_FAILED/);
    expect(await code(closeVacancy(createCtx({ actor: recruiterB, now }), { vacancyId: id }))).toBe("NOT_FOUND");

    const { rnokpp } = await createPerson(db);
    const waiting = await applyToVacancy(createCtx({ actor: conscript(rnokpp), now }), { vacancyId: id });
    expect(await closeVacancy(createCtx({ actor: recruiterA, now }), { vacancyId: id })).toEqual({ id, declined: 1 });
    expect(
      await getMyVacancyApplication(createCtx({ actor: conscript(rnokpp) }), { applicationId: waiting.id }),
    ).toMatchObject({ status: "DECLINED", decisionComment: expect.stringContaining("закрито") });
    expect(await code(closeVacancy(createCtx({ actor: recruiterA, now }), { vacancyId: id }))).toBe("CONFLICT");
    expect(
      await code(
        applyToVacancy(createCtx({ actor: conscript((await createPerson(db)).rnokpp), now }), { vacancyId: id }),
      ),
    ).toBe("VACANCY_CLOSED");

    const listed = await listUnitVacancies(createCtx({ actor: recruiterA }));
    expectEvery(listed.vacancies, (v) => [droneA.id, medicA.id, closedA.id, id].includes(v.id));
    expect(listed.vacancies.find((v) => v.id === id)).toMatchObject({ status: "CLOSED", total: 1, waiting: 0 });
  });

  it("a foreign vacancy cannot be edited even with valid fields", async () => {
    expect(
      await code(
        updateVacancy(createCtx({ actor: recruiterB }), {
          vacancyId: droneA.id,
          title: "Чужа вакансія",
          specialty: "РЕБ",
          region: "Харківська область",
          requirements: "Так, так",
          description: "Спроба змінити чужу вакансію",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect((await db.vacancy.findUniqueOrThrow({ where: { id: droneA.id } })).title).toBe("Оператор БпЛА");
  });
});
