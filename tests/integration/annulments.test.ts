import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopSenderBoss } from "@/lib/jobs/boss";
import {
  annulReservations,
  applyAutomaticAnnulments,
  createAnnulmentDraft,
  createReservationDraft,
  decideSubmittedApplication,
  getApplication,
  submitAnnulment,
  submitApplication,
  sweepReservations,
} from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { formatDate, kyivDate } from "@/lib/format";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { expectEvery } from "@/tests/support/expect-every";

// Annulment: the head's signed request (one or hundreds of employees), the shared core the
// ministry's revocation calls, and the daily checks — each ends the registry mark, closes the
// portal's reservation, audits and tells the employee; each is idempotent.

let world: World;

async function expectCode(code: string, attempt: () => Promise<unknown>): Promise<AppError> {
  const error = await attempt().then(
    () => new Error(`очікувалася відмова ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function reserve(w: World, rnokpps: string[]): Promise<string> {
  const draft = await createReservationDraft(createCtx({ actor: w.head.actor }), {
    edrpou: w.edrpou,
    employees: rnokpps.map((rnokpp) => ({ rnokpp })),
  });
  const { applicationId } = await submitApplication(createCtx({ actor: w.head.actor }), {
    draftId: draft.draftId,
    signature: sign(w.head.key!, draft.document),
  });
  const outcome = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
  expect(outcome).toMatchObject({ outcome: "decided", reserved: rnokpps.length });
  return applicationId;
}

beforeAll(async () => {
  world = await createWorld(createCtx({ actor: null }), {
    serial: 31,
    employees: 320,
    limitCount: 320,
    withAuthorizedPerson: true,
  });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the head's signed annulment", () => {
  it("annuls the listed reservations, refuses the unreserved, tells everyone, once", async () => {
    await reserve(world, world.employees.slice(0, 3));
    const listed = [world.employees[0]!, world.employees[1]!, world.employees[10]!];
    const draft = await createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: listed.map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    expect(draft.precheck.map((p) => [p.annul, p.reasons.map((r) => r.code)])).toEqual([
      [true, []],
      [true, []],
      [false, ["NOT_RESERVED_HERE"]],
    ]);
    const signed = JSON.parse(new TextDecoder().decode(draft.document));
    expect(signed).toMatchObject({ type: "bronya.annulment-application", ground: { code: "HEAD_REQUEST" } });

    // An authorized person may prepare it but not submit it.
    await expectCode("FORBIDDEN", () =>
      submitAnnulment(createCtx({ actor: world.authorized!.actor }), {
        draftId: draft.draftId,
        signature: sign(world.head.key!, draft.document),
      }),
    );
    const signature = sign(world.head.key!, draft.document);
    const { applicationId } = await submitAnnulment(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature,
    });
    // An annulment draft is not a reservation draft.
    await expectCode("DRAFT_NOT_FOUND", () =>
      submitApplication(createCtx({ actor: world.head.actor }), { draftId: draft.draftId, signature }),
    );

    const outcome = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
    expect(outcome).toMatchObject({ outcome: "decided", kind: "ANNULMENT", reserved: 2, refused: 1 });
    const view = await getApplication(createCtx({ actor: world.head.actor }), { applicationId });
    expect(view.items.map((i) => i.decision)).toEqual(["ANNULLED", "ANNULLED", "REFUSED"]);
    expect(view.items[2]!.reasons).toEqual([
      { code: "NOT_RESERVED_HERE", message: "Особа не має чинного бронювання на цьому підприємстві" },
    ]);
    expect(view.ground).toEqual({ code: "HEAD_REQUEST", label: "Обґрунтоване звернення керівника підприємства" });

    const rows = await db.reservation.findMany({ where: { rnokpp: { in: listed.slice(0, 2) } } });
    expectEvery(
      rows,
      (r) =>
        r.status === "ANNULLED" &&
        r.activeRnokpp === null &&
        r.annulmentGround === "HEAD_REQUEST" &&
        r.annulmentApplicationId === applicationId,
    );
    const marks = await db.reservationMark.findMany({ where: { rnokpp: { in: listed.slice(0, 2) } } });
    expectEvery(marks, (m) => m.status === "ANNULLED" && m.activeRnokpp === null && m.annulledOn !== null);
    expect(
      await db.notification.count({
        where: { recipientRnokpp: { in: listed.slice(0, 2) }, kind: "reservation.annulled" },
      }),
    ).toBe(2);
    expect(
      await db.auditLog.count({
        where: { action: "reservation.annul", details: { path: ["applicationId"], equals: applicationId } },
      }),
    ).toBe(2);
    // Employee 2 is still reserved.
    expect(await db.reservation.count({ where: { rnokpp: world.employees[2]!, status: "ACTIVE" } })).toBe(1);
  });

  it("refuses grounds a head may not use, or that do not hold, before anything is signed", async () => {
    const rnokpps = [world.employees[2]!];
    await expectCode("ANNULMENT_GROUND_NOT_ALLOWED", () =>
      createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
        edrpou: world.edrpou,
        employees: rnokpps.map((rnokpp) => ({ rnokpp })),
        ground: "TERM_EXPIRED",
      }),
    );
    await expectCode("ANNULMENT_GROUND_UNKNOWN", () =>
      createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
        edrpou: world.edrpou,
        employees: rnokpps.map((rnokpp) => ({ rnokpp })),
        ground: "BECAUSE",
      }),
    );
    await expectCode("ANNULMENT_GROUND_NOT_APPLICABLE", () =>
      createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
        edrpou: world.edrpou,
        employees: rnokpps.map((rnokpp) => ({ rnokpp })),
        ground: "DECISION_EXPIRED",
      }),
    );
    await expectCode("DUPLICATE_EMPLOYEE", () =>
      createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
        edrpou: world.edrpou,
        employees: [rnokpps[0]!, rnokpps[0]!].map((rnokpp) => ({ rnokpp })),
        ground: "HEAD_REQUEST",
      }),
    );
  });

  it("annuls hundreds in one application", async () => {
    const many = world.employees.slice(20, 320);
    await reserve(world, many);
    // The first test's annulment was filed today: file this one as if that were 5 days ago.
    await fileEarlier(world.edrpou, 5);
    const draft = await createAnnulmentDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: many.map((rnokpp) => ({ rnokpp })),
      ground: "DISMISSAL",
    });
    const { applicationId } = await submitAnnulment(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature: sign(world.head.key!, draft.document),
    });
    const started = Date.now();
    expect(await decideSubmittedApplication(createCtx({ actor: null }), { applicationId })).toMatchObject({
      outcome: "decided",
      reserved: 300,
      refused: 0,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(
      await db.reservation.count({ where: { rnokpp: { in: many }, status: "ANNULLED", annulmentGround: "DISMISSAL" } }),
    ).toBe(300);
  });
});

async function fileEarlier(edrpou: string, days: number) {
  await db.$executeRaw`UPDATE applications SET "submittedAt" = "submittedAt" - make_interval(days => ${days}) WHERE edrpou = ${edrpou} AND kind = 'ANNULMENT'`;
}

describe("annulment spacing: once per 5 calendar days (from 01.02.2026)", () => {
  it("refuses a second annulment within 5 days, with the date it becomes possible, and writes nothing", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 35, employees: 4, limitCount: 4 });
    await reserve(w, w.employees.slice(0, 3));
    const first = await createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      employees: [w.employees[0]!].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    // A second draft prepared before the first is signed: both exist, only one may be filed.
    const second = await createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      employees: [w.employees[1]!].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    const filed = await submitAnnulment(createCtx({ actor: w.head.actor }), {
      draftId: first.draftId,
      signature: sign(w.head.key!, first.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: filed.applicationId });

    const [applications, documents, audits] = await Promise.all([
      db.application.count(),
      db.signedDocument.count(),
      db.auditLog.count(),
    ]);
    const today = new Date();
    const possibleFrom = addDays(kyivDate(today), 5);
    const refused = await expectCode("ANNULMENT_TOO_SOON", () =>
      submitAnnulment(createCtx({ actor: w.head.actor }), {
        draftId: second.draftId,
        signature: sign(w.head.key!, second.document),
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.details).toMatchObject({ possibleFrom, lastFiledOn: kyivDate(today), spacingDays: 5 });
    expect(refused.message).toContain(`наступну можна подати з ${formatDate(possibleFrom)}`);
    const again = await expectCode("ANNULMENT_TOO_SOON", () =>
      createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
        edrpou: w.edrpou,
        employees: [w.employees[1]!].map((rnokpp) => ({ rnokpp })),
        ground: "HEAD_REQUEST",
      }),
    );
    expect(again.details).toMatchObject({ possibleFrom });
    expect([await db.application.count(), await db.signedDocument.count(), await db.auditLog.count()]).toEqual([
      applications,
      documents,
      audits,
    ]);
    expect(await db.reservation.count({ where: { rnokpp: w.employees[1]!, status: "ACTIVE" } })).toBe(1);

    // Four days on it is still too soon; on the fifth day it is allowed.
    await fileEarlier(w.edrpou, 4);
    await expectCode("ANNULMENT_TOO_SOON", () =>
      createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
        edrpou: w.edrpou,
        employees: [w.employees[1]!].map((rnokpp) => ({ rnokpp })),
        ground: "HEAD_REQUEST",
      }),
    );
    await fileEarlier(w.edrpou, 1);
    const third = await createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      employees: [w.employees[1]!].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    const accepted = await submitAnnulment(createCtx({ actor: w.head.actor }), {
      draftId: third.draftId,
      signature: sign(w.head.key!, third.document),
    });
    expect(accepted.repeated).toBe(false);
  });

  it("lets only one of two annulments signed at the same moment through", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 36, employees: 3, limitCount: 3 });
    await reserve(w, w.employees.slice(0, 2));
    const drafts = await Promise.all(
      [0, 1].map((i) =>
        createAnnulmentDraft(createCtx({ actor: w.head.actor }), {
          edrpou: w.edrpou,
          employees: [w.employees[i]!].map((rnokpp) => ({ rnokpp })),
          ground: "HEAD_REQUEST",
        }),
      ),
    );
    const results = await Promise.allSettled(
      drafts.map((d) =>
        submitAnnulment(createCtx({ actor: w.head.actor }), {
          draftId: d.draftId,
          signature: sign(w.head.key!, d.document),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("ANNULMENT_TOO_SOON");
    expect(await db.application.count({ where: { edrpou: w.edrpou, kind: "ANNULMENT" } })).toBe(1);
  });
});

describe("the shared core and the daily checks", () => {
  it("touches only the enterprise's own reservations: one another enterprise made is refused and left in force", async () => {
    const here = await createWorld(createCtx({ actor: null }), { serial: 38, employees: 2, limitCount: 2 });
    const other = await createWorld(createCtx({ actor: null }), { serial: 37, employees: 2, limitCount: 2 });
    const elsewhere = other.employees[0]!;
    await reserve(other, [elsewhere]);
    const mark = await db.reservationMark.findFirstOrThrow({ where: { rnokpp: elsewhere, status: "ACTIVE" } });

    const draft = await createAnnulmentDraft(createCtx({ actor: here.head.actor }), {
      edrpou: here.edrpou,
      employees: [{ rnokpp: elsewhere }],
      ground: "HEAD_REQUEST",
    });
    expect(draft.precheck.map((p) => [p.annul, p.reasons.map((r) => r.code)])).toEqual([[false, ["NOT_AN_EMPLOYEE"]]]);
    // The shared core, asked by this enterprise for the other's mark, ends nothing.
    const ended = await db.$transaction((tx) =>
      annulReservations(tx, {
        edrpou: here.edrpou,
        markIds: [mark.id],
        ground: "DECISION_REVOKED",
        on: here.today,
        actor: { rnokpp: "2997504664", role: "OFFICIAL" },
      }),
    );
    expect(ended).toEqual([]);
    expect(await db.reservationMark.findUniqueOrThrow({ where: { id: mark.id } })).toMatchObject({
      status: "ACTIVE",
      activeRnokpp: elsewhere,
    });
  });

  it("annulReservations is idempotent and ends marks other channels made", async () => {
    const w = await createWorld(createCtx({ actor: null }), {
      serial: 32,
      employees: 4,
      limitCount: 4,
      withHeadKey: false,
    });
    const diia = await db.reservationMark.create({
      data: {
        rnokpp: w.employees[0]!,
        edrpou: w.edrpou,
        fromDate: isoDateToUtc(addDays(w.today, -10)),
        untilDate: isoDateToUtc(addDays(w.today, 100)),
        activeRnokpp: w.employees[0]!,
        source: "diia",
      },
    });
    const actor = { rnokpp: "2997504664", role: "OFFICIAL" };
    const first = await db.$transaction((tx) =>
      annulReservations(tx, { edrpou: w.edrpou, markIds: [diia.id], ground: "DECISION_REVOKED", on: w.today, actor }),
    );
    expect(first).toEqual([
      { markId: diia.id, rnokpp: w.employees[0]!, reservationId: null, untilDate: addDays(w.today, 100) },
    ]);
    const second = await db.$transaction((tx) =>
      annulReservations(tx, { edrpou: w.edrpou, markIds: [diia.id], ground: "DECISION_REVOKED", on: w.today, actor }),
    );
    expect(second).toEqual([]);
    expect(await db.reservationMark.findUniqueOrThrow({ where: { id: diia.id } })).toMatchObject({
      status: "ANNULLED",
      activeRnokpp: null,
    });
    expect(
      await db.auditLog.count({ where: { entityId: diia.id, action: "reservation.annul", actorRole: "OFFICIAL" } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { recipientRnokpp: w.employees[0]!, kind: "reservation.annulled" } }),
    ).toBe(1);
  });

  it("expires run-out terms, annuls dismissals, suspensions and the reservations over the limit — and does it once", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 33, employees: 8, limitCount: 8 });
    await reserve(w, w.employees.slice(0, 6));
    const [expired, dismissed, suspended, ...rest] = w.employees;
    await db.reservation.updateMany({
      where: { rnokpp: expired },
      data: { untilDate: isoDateToUtc(addDays(w.today, -2)) },
    });
    await db.reservationMark.updateMany({
      where: { rnokpp: expired },
      data: { untilDate: isoDateToUtc(addDays(w.today, -2)) },
    });
    await db.employment.updateMany({
      where: { rnokpp: dismissed, edrpou: w.edrpou },
      data: { endDate: isoDateToUtc(addDays(w.today, -3)) },
    });
    await db.employment.updateMany({ where: { rnokpp: suspended, edrpou: w.edrpou }, data: { suspended: true } });
    // The ministry lowered the limit to 2: of the three left, the latest granted go first.
    await db.criticalDecision.update({ where: { id: w.decisionId }, data: { limitCount: 2 } });
    await db.reservation.updateMany({
      where: { rnokpp: rest[0]! },
      data: { createdAt: new Date(Date.now() - 3 * 3_600_000) },
    });
    await db.reservation.updateMany({
      where: { rnokpp: rest[1]! },
      data: { createdAt: new Date(Date.now() - 2 * 3_600_000) },
    });

    const outcome = await db.$transaction((tx) =>
      applyAutomaticAnnulments({ db: tx, now: new Date() }, { edrpou: w.edrpou }),
    );
    const byPerson = new Map(outcome.ended.map((e) => [e.rnokpp, e]));
    expect(outcome.checked).toBe(6);
    expect(byPerson.get(expired!)).toMatchObject({ ground: "TERM_EXPIRED", on: addDays(w.today, -1) });
    expect(byPerson.get(dismissed!)).toMatchObject({ ground: "DISMISSAL", on: addDays(w.today, -2) });
    expect(byPerson.get(suspended!)).toMatchObject({ ground: "CONTRACT_SUSPENDED", on: w.today });
    expect(byPerson.get(rest[2]!)).toMatchObject({ ground: "LIMIT_EXCEEDED" });
    expect(outcome.ended).toHaveLength(4);
    expect(await db.reservation.findFirstOrThrow({ where: { rnokpp: expired } })).toMatchObject({
      status: "EXPIRED",
      annulmentGround: "TERM_EXPIRED",
    });
    expect(await db.reservation.count({ where: { edrpou: w.edrpou, status: "ACTIVE" } })).toBe(2);
    expect(await db.notification.count({ where: { recipientRnokpp: expired!, kind: "reservation.expired" } })).toBe(1);

    const again = await db.$transaction((tx) =>
      applyAutomaticAnnulments({ db: tx, now: new Date() }, { edrpou: w.edrpou }),
    );
    expect(again.ended).toEqual([]);
  });

  it("the sweep visits every enterprise with active marks; a revoked decision annuls all of them", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 34, employees: 3, limitCount: 3 });
    await reserve(w, w.employees);
    await db.criticalDecision.update({
      where: { id: w.decisionId },
      data: { status: "REVOKED", revokedAt: new Date(Date.now() - 60_000), revocationReason: "Перевірка" },
    });
    const result = await sweepReservations(createCtx({ actor: null }));
    expect(result.failed).toEqual([]);
    expect(result.enterprises).toBeGreaterThanOrEqual(1);
    expect(
      await db.reservation.count({
        where: { edrpou: w.edrpou, status: "ANNULLED", annulmentGround: "DECISION_REVOKED" },
      }),
    ).toBe(3);
    expect(await db.reservationMark.count({ where: { edrpou: w.edrpou, status: "ACTIVE" } })).toBe(0);
    const second = await sweepReservations(createCtx({ actor: null }));
    expect(second.ended).toBe(0);
  });
});
