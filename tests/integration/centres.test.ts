import { beforeAll, describe, expect, it } from "vitest";
import type { ConscriptActor } from "@/lib/auth/roles";
import { applyForBasicService } from "@/lib/centres/apply-for-basic-service";
import { bookCentreVisit } from "@/lib/centres/book-centre-visit";
import { cancelCentreVisit } from "@/lib/centres/cancel-centre-visit";
import { decideBasicService } from "@/lib/centres/decide-basic-service";
import { getBasicServiceStatus } from "@/lib/centres/get-basic-service-status";
import { getCentreSchedule } from "@/lib/centres/get-centre-schedule";
import { listCentreBasicService } from "@/lib/centres/list-centre-basic-service";
import { listCentreVisits } from "@/lib/centres/list-centre-visits";
import { listMyCentreVisits } from "@/lib/centres/list-my-centre-visits";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listOpenVacancies } from "@/lib/recruitment/list-open-vacancies";
import { ZVacancyFilters } from "@/lib/recruitment/schemas";
import { registryFor } from "@/lib/registry";
import { BASIC_SERVICE_REFUSALS } from "@/lib/rules/basic-service";
import { SLOT_REFUSALS } from "@/lib/rules/visit-slots";
import { createMilitaryUnit, createPerson, createRecruitmentCentre, createVacancy } from "@/prisma/seed/factories";
import { centreRecruiterActor, conscriptActor, ctxAs, refusal } from "@/tests/integration/fixtures/actors";

// Recruitment centres: booking a visit (the slot rules, a full slot under concurrency, one visit
// a day, cancelling), the recruiter's day scoped to their centre, vacancies by centre; basic
// military service: eligibility on both sides of 18 and 25, one live application, the centre's
// answer recorded in the registry.

// Friday 4 December 2026, 11:00 in Kyiv (UTC+2). Monday is 7 December.
const now = new Date("2026-12-04T09:00:00Z");
const MONDAY = "2026-12-07";

const citizen = async (options: Parameters<typeof createPerson>[1] = {}) =>
  conscriptActor((await createPerson(db, options)).rnokpp);

describe("visits to a recruitment centre", () => {
  let centre: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    centre = await createRecruitmentCentre(db, { capacity: 2 });
    other = await createRecruitmentCentre(db, { capacity: 2 });
  });

  it("books a free slot; the citizen gets a confirmation, the centre's recruiter sees it on that day", async () => {
    const me = await citizen({ lastName: "Записаний" });
    const booked = await bookCentreVisit(ctxAs(me, now), {
      centreId: centre.id,
      day: MONDAY,
      time: "10:00",
      purpose: "CONTRACT",
    });
    expect(booked).toMatchObject({ day: MONDAY, time: "10:00" });

    const day = await listCentreVisits(ctxAs(centreRecruiterActor(centre.id), now), { day: MONDAY });
    expect(day.visits.find((visit) => visit.id === booked.visitId)).toMatchObject({
      time: "10:00",
      status: "BOOKED",
      purpose: "CONTRACT",
      fullName: expect.stringContaining("Записаний"),
    });
    expect(
      (await listCentreVisits(ctxAs(centreRecruiterActor(other.id), now), { day: MONDAY })).visits.map((v) => v.id),
    ).not.toContain(booked.visitId);

    const confirmation = await db.notification.findFirst({
      where: { recipientRnokpp: me.rnokpp, kind: "centreVisit.booked" },
    });
    expect(confirmation).toMatchObject({ title: "Запис на візит до рекрутингового центру підтверджено" });
    expect(confirmation?.body).toContain("07.12.2026 о 10:00");
    expect(await db.auditLog.count({ where: { action: "centreVisit.book", entityId: booked.visitId } })).toBe(1);

    const schedule = await getCentreSchedule(ctxAs(me, now), { centreId: centre.id, day: MONDAY });
    expect(schedule.slots.find((slot) => slot.time === "10:00")).toMatchObject({ free: 1, bookable: true });
    // Today (Friday) is offered only for the slots after 11:00; the weekend is not.
    expect(schedule.days[0]).toBe("2026-12-04");
    expect(schedule.days).not.toContain("2026-12-05");
  });

  it("lets exactly `capacity` of many simultaneous bookings into one slot (the centre row is locked)", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => citizen()));
    const results = await Promise.allSettled(
      people.map((me) =>
        bookCentreVisit(ctxAs(me, now), { centreId: centre.id, day: MONDAY, time: "11:30", purpose: "CONSULTATION" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as AppError).code)).toEqual(Array(4).fill("VISIT_SLOT_FULL"));
    expect(await db.centreVisit.count({ where: { centreId: centre.id, time: "11:30", status: "BOOKED" } })).toBe(2);
  });

  it("refuses a full slot, the past, a closed day, an off-grid time and beyond 30 days, writing nothing", async () => {
    const me = await citizen();
    const before = await db.centreVisit.count();
    const attempts: Array<[string, string, string]> = [
      [MONDAY, "11:30", SLOT_REFUSALS.FULL],
      ["2026-12-04", "10:00", SLOT_REFUSALS.PAST],
      ["2026-12-04", "11:00", SLOT_REFUSALS.PAST],
      ["2026-12-03", "15:00", SLOT_REFUSALS.PAST],
      ["2026-12-05", "10:00", SLOT_REFUSALS.CLOSED],
      [MONDAY, "10:15", SLOT_REFUSALS.NOT_A_SLOT],
      [MONDAY, "17:00", SLOT_REFUSALS.NOT_A_SLOT],
      ["2027-01-04", "10:00", SLOT_REFUSALS.TOO_FAR],
    ];
    for (const [day, time, message] of attempts) {
      const error = await refusal(
        bookCentreVisit(ctxAs(me, now), { centreId: centre.id, day, time, purpose: "CONTRACT" }),
      );
      expect(error.message, `${day} ${time}`).toBe(message);
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).toBeLessThan(500);
    }
    // Today's first slot after 11:00 is still open.
    await expect(
      bookCentreVisit(ctxAs(me, now), { centreId: centre.id, day: "2026-12-04", time: "11:30", purpose: "CONTRACT" }),
    ).resolves.toMatchObject({ time: "11:30" });
    expect(await db.centreVisit.count()).toBe(before + 1);
  });

  it("refuses bad input with a Ukrainian message and an unknown centre as not found", async () => {
    const me = await citizen();
    const before = await db.centreVisit.count();
    for (const input of [
      { centreId: "не-uuid", day: MONDAY, time: "10:00", purpose: "CONTRACT" },
      { centreId: centre.id, day: "07.12.2026", time: "10:00", purpose: "CONTRACT" },
      { centreId: centre.id, day: MONDAY, time: "25:00", purpose: "CONTRACT" },
      { centreId: centre.id, day: MONDAY, time: "10:00", purpose: "TOURISM" },
      { centreId: centre.id, day: MONDAY, time: "10:00", purpose: "CONTRACT", rnokpp: "1234567890" },
      null,
    ]) {
      const error = await refusal(bookCentreVisit(ctxAs(me, now), input));
      expect(["VALIDATION_FAILED", "UNKNOWN_FIELD", "BAD_REQUEST"]).toContain(error.code);
      expect(error.message).toMatch(/[А-Яа-яІіЇїЄє]/);
    }
    expect(
      (
        await refusal(
          bookCentreVisit(ctxAs(me, now), {
            centreId: "00000000-0000-4000-8000-000000000000",
            day: MONDAY,
            time: "10:00",
            purpose: "CONTRACT",
          }),
        )
      ).code,
    ).toBe("CENTRE_NOT_FOUND");
    expect(await db.centreVisit.count()).toBe(before);
  });

  it("keeps one visit a day per person, also when two taps race", async () => {
    const me = await citizen();
    const results = await Promise.allSettled(
      ["14:00", "14:30"].map((time) =>
        bookCentreVisit(ctxAs(me, now), { centreId: other.id, day: MONDAY, time, purpose: "CONTRACT" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe(
      "VISIT_ALREADY_BOOKED",
    );
    // Another day is fine.
    await bookCentreVisit(ctxAs(me, now), {
      centreId: other.id,
      day: "2026-12-08",
      time: "14:00",
      purpose: "CONTRACT",
    });
    expect(await db.centreVisit.count({ where: { rnokpp: me.rnokpp, status: "BOOKED" } })).toBe(2);
  });

  it("cancels one's own upcoming visit, which frees the place; not twice, not another's, not a past one", async () => {
    const [me, stranger, third, fourth] = await Promise.all([citizen(), citizen(), citizen(), citizen()]);
    const slot = { centreId: centre.id, day: MONDAY, time: "15:00", purpose: "CONTRACT" } as const;
    const mine = await bookCentreVisit(ctxAs(me, now), slot);
    await bookCentreVisit(ctxAs(stranger, now), slot);
    expect((await refusal(bookCentreVisit(ctxAs(third, now), slot))).code).toBe("VISIT_SLOT_FULL");

    expect((await refusal(cancelCentreVisit(ctxAs(stranger, now), { visitId: mine.visitId }))).code).toBe("NOT_FOUND");
    await cancelCentreVisit(ctxAs(me, now), { visitId: mine.visitId });
    expect((await refusal(cancelCentreVisit(ctxAs(me, now), { visitId: mine.visitId }))).code).toBe(
      "VISIT_NOT_CANCELLABLE",
    );
    await expect(bookCentreVisit(ctxAs(third, now), slot)).resolves.toMatchObject({ time: "15:00" });
    // The person may book that day again after cancelling.
    await expect(bookCentreVisit(ctxAs(me, now), { ...slot, time: "15:30" })).resolves.toMatchObject({ time: "15:30" });

    const soon = await bookCentreVisit(ctxAs(fourth, now), { ...slot, time: "16:00" });
    const afterwards = new Date("2026-12-07T14:30:00Z"); // 16:30 in Kyiv on Monday
    expect((await refusal(cancelCentreVisit(ctxAs(fourth, afterwards), { visitId: soon.visitId }))).code).toBe(
      "VISIT_NOT_CANCELLABLE",
    );
    const visits = await listMyCentreVisits(ctxAs(fourth, afterwards));
    expect(visits.find((v) => v.id === soon.visitId)).toMatchObject({ upcoming: false, status: "BOOKED" });
    expect(await db.auditLog.count({ where: { action: "centreVisit.cancel", entityId: mine.visitId } })).toBe(1);
  });

  it("lets only the citizen book and only a centre recruiter read the centre's day", async () => {
    const me = await citizen();
    expect(
      (
        await refusal(
          bookCentreVisit(ctxAs(centreRecruiterActor(centre.id), now), {
            centreId: centre.id,
            day: MONDAY,
            time: "09:00",
            purpose: "CONTRACT",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await refusal(listCentreVisits(ctxAs(me, now), { day: MONDAY }))).code).toBe("FORBIDDEN");
  });
});

describe("vacancies by recruitment centre", () => {
  it("shows only the vacancies of the units the centre recruits for", async () => {
    const [unitA, unitB] = [await createMilitaryUnit(db), await createMilitaryUnit(db)];
    const [vacancyA, vacancyB] = [
      await createVacancy(db, { unitId: unitA.id }),
      await createVacancy(db, { unitId: unitB.id }),
    ];
    const centre = await createRecruitmentCentre(db, { unitIds: [unitA.id] });
    const me = await citizen();
    const catalogue = await listOpenVacancies(createCtx({ actor: me }), {
      filters: ZVacancyFilters.parse({ centre: centre.id }),
    });
    expect(catalogue.items.map((v) => v.id)).toContain(vacancyA.id);
    expect(catalogue.items.map((v) => v.id)).not.toContain(vacancyB.id);
    expect(catalogue.facets.centres.map((c) => c.id)).toContain(centre.id);
    // A malformed centre in the URL is dropped, not an error.
    expect(ZVacancyFilters.parse({ centre: "x" }).centre).toBeUndefined();
  });
});

describe("basic military service", () => {
  let centre: { id: string; name: string };
  let other: { id: string };
  beforeAll(async () => {
    centre = await createRecruitmentCentre(db);
    other = await createRecruitmentCentre(db);
  });
  const apply = (me: ConscriptActor, input: unknown = { centreId: centre.id, specialty: "150125 — оператор БпЛА" }) =>
    applyForBasicService(ctxAs(me, now), input);
  const призовник = (birthDate: string, extra: Parameters<typeof createPerson>[1] = {}) =>
    citizen({ birthDate, military: { liability: "CONSCRIPT" }, ...extra });

  it("is open from the 18th birthday to the day before the 25th (Kyiv day of the request)", async () => {
    for (const [birthDate, eligible] of [
      ["2008-12-04", true], // 18 today
      ["2008-12-05", false], // 18 tomorrow
      ["2001-12-05", true], // 24, 25 tomorrow
      ["2001-12-04", false], // 25 today
    ] as const) {
      const me = await призовник(birthDate);
      const status = await getBasicServiceStatus(ctxAs(me, now));
      expect(status.eligibility.eligible, birthDate).toBe(eligible);
      if (eligible) await expect(apply(me)).resolves.toHaveProperty("applicationId");
      else {
        expect(status.eligibility).toMatchObject({ message: BASIC_SERVICE_REFUSALS.AGE });
        const error = await refusal(apply(me));
        expect([error.code, error.status, error.message]).toEqual([
          "BASIC_SERVICE_NOT_ELIGIBLE",
          403,
          BASIC_SERVICE_REFUSALS.AGE,
        ]);
        expect(await db.basicServiceApplication.count({ where: { rnokpp: me.rnokpp } })).toBe(0);
      }
    }
    // 23:30 on 3 December UTC is already 4 December in Kyiv: the 18-year-old born on 4 December is eligible.
    const nearMidnight = new Date("2026-12-03T23:30:00Z");
    const me = await призовник("2008-12-04");
    expect((await getBasicServiceStatus(ctxAs(me, nearMidnight))).eligibility.eligible).toBe(true);
  });

  it("refuses a woman and a man who is not a призовник, saying why", async () => {
    const woman = await citizen({ sex: "FEMALE", birthDate: "2005-05-05", military: { liability: "CONSCRIPT" } });
    expect((await refusal(apply(woman))).message).toBe(BASIC_SERVICE_REFUSALS.NOT_MALE);
    const liable = await citizen({ birthDate: "2004-02-02", military: { liability: "LIABLE" } });
    expect((await getBasicServiceStatus(ctxAs(liable, now))).eligibility).toMatchObject({
      eligible: false,
      message: BASIC_SERVICE_REFUSALS.NOT_CONSCRIPT,
    });
    expect((await refusal(apply(liable))).code).toBe("BASIC_SERVICE_NOT_ELIGIBLE");
    const removed = await citizen({ birthDate: "2004-02-02", military: { liability: "CONSCRIPT", status: "REMOVED" } });
    expect((await refusal(apply(removed))).message).toBe(BASIC_SERVICE_REFUSALS.NOT_CONSCRIPT);
  });

  it("refuses bad input and an unknown centre, writing nothing", async () => {
    const me = await призовник("2006-03-10");
    const before = await db.basicServiceApplication.count();
    for (const input of [
      { centreId: centre.id, specialty: "космонавт" },
      { centreId: "x", specialty: "150125 — оператор БпЛА" },
      { centreId: centre.id },
      { centreId: centre.id, specialty: "150125 — оператор БпЛА", age: 20 },
    ]) {
      expect(["VALIDATION_FAILED", "UNKNOWN_FIELD"]).toContain((await refusal(apply(me, input))).code);
    }
    expect(
      (await refusal(apply(me, { centreId: "00000000-0000-4000-8000-000000000000", specialty: "199176 — сапер" })))
        .code,
    ).toBe("CENTRE_NOT_FOUND");
    expect(await db.basicServiceApplication.count()).toBe(before);
  });

  it("keeps one live application per person, also when two taps race", async () => {
    const me = await призовник("2006-03-10");
    const results = await Promise.allSettled([apply(me), apply(me)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe(
      "BASIC_SERVICE_OPEN",
    );
    expect(await db.basicServiceApplication.count({ where: { rnokpp: me.rnokpp } })).toBe(1);
  });

  it("is answered by the chosen centre only; the registry records the outcome and the citizen is told", async () => {
    const me = await призовник("2006-03-10");
    const { applicationId } = await apply(me);
    expect(
      (await listCentreBasicService(ctxAs(centreRecruiterActor(centre.id), now))).find(
        (row) => row.id === applicationId,
      ),
    ).toMatchObject({ age: 20, status: "SUBMITTED" });
    expect(
      (await listCentreBasicService(ctxAs(centreRecruiterActor(other.id), now))).map((row) => row.id),
    ).not.toContain(applicationId);

    expect(
      (
        await refusal(
          decideBasicService(ctxAs(centreRecruiterActor(other.id), now), { applicationId, decision: "ACCEPTED" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await refusal(
          decideBasicService(ctxAs(centreRecruiterActor(centre.id), now), { applicationId, decision: "DECLINED" }),
        )
      ).code,
    ).toBe("VALIDATION_FAILED");
    expect((await refusal(decideBasicService(ctxAs(me, now), { applicationId, decision: "ACCEPTED" }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await registryFor(db).findBasicServiceRecords(me.rnokpp)).toEqual([]);

    await decideBasicService(ctxAs(centreRecruiterActor(centre.id), now), {
      applicationId,
      decision: "ACCEPTED",
      comment: "Чекаємо вас на ВЛК 10.12 о 09:00",
    });
    expect(
      (
        await refusal(
          decideBasicService(ctxAs(centreRecruiterActor(centre.id), now), {
            applicationId,
            decision: "DECLINED",
            comment: "Передумали",
          }),
        )
      ).code,
    ).toBe("BASIC_SERVICE_DECIDED");
    expect(await registryFor(db).findBasicServiceRecords(me.rnokpp)).toEqual([
      expect.objectContaining({
        outcome: "ACCEPTED",
        centreName: centre.name,
        specialty: "150125 — оператор БпЛА",
        on: "2026-12-04",
      }),
    ]);
    expect(await db.notification.count({ where: { recipientRnokpp: me.rnokpp, kind: "basicService.decided" } })).toBe(
      1,
    );
    // Accepted stays live: no second application.
    expect((await refusal(apply(me))).code).toBe("BASIC_SERVICE_OPEN");
  });

  it("after a refusal with a reason the person may apply again", async () => {
    const me = await призовник("2005-06-15");
    const { applicationId } = await apply(me);
    await decideBasicService(ctxAs(centreRecruiterActor(centre.id), now), {
      applicationId,
      decision: "DECLINED",
      comment: "На цю спеціальність набір завершено, оберіть іншу",
    });
    const status = await getBasicServiceStatus(ctxAs(me, now));
    expect(status.open).toBeNull();
    expect(status.applications[0]).toMatchObject({
      status: "DECLINED",
      decisionComment: expect.stringContaining("набір завершено"),
    });
    await expect(apply(me, { centreId: other.id, specialty: "199176 — сапер" })).resolves.toHaveProperty(
      "applicationId",
    );
    expect((await registryFor(db).findBasicServiceRecords(me.rnokpp)).map((r) => r.outcome)).toEqual(["DECLINED"]);
  });
});

describe("the server actions hand the domain their parsed input", () => {
  it("a decision parsed once (comment: null) parses again in the domain", async () => {
    const { ZBasicServiceDecision } = await import("@/lib/centres/schemas");
    const once = ZBasicServiceDecision.parse({
      applicationId: "00000000-0000-4000-8000-000000000000",
      decision: "ACCEPTED",
    });
    expect(once.comment).toBeNull();
    expect(ZBasicServiceDecision.parse(once)).toEqual(once);
  });
});
