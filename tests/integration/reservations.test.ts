import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { addDays, isoDateToUtc } from "@/lib/rules";
import {
  createReservationDraft,
  decideSubmittedApplication,
  getApplication,
  listApplications,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, personRnokpp, sign, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";

// The life of a reservation application against the real database: draft with its pre-check
// and canonical bytes, signed submission, the worker's decision and everything it writes —
// and each refusal, with nothing written when refused.

let a: World;
let b: World;

async function expectCode(code: string, attempt: () => Promise<unknown>): Promise<AppError> {
  const error = await attempt().then(
    () => new Error(`очікувалася відмова ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function counts() {
  const [drafts, applications, signed, reservations, marks, notifications] = await Promise.all([
    db.draft.count(),
    db.application.count(),
    db.signedDocument.count(),
    db.reservation.count(),
    db.reservationMark.count(),
    db.notification.count(),
  ]);
  return { drafts, applications, signed, reservations, marks, notifications };
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), {
    serial: 1,
    employees: 12,
    limitCount: 3,
    withAuthorizedPerson: true,
  });
  b = await createWorld(createCtx({ actor: null }), { serial: 2, employees: 4, limitCount: 2 });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("a reservation application from draft to decision", () => {
  it("pre-checks in the listed order, signs, decides within the limit and writes everything once", async () => {
    const listed = a.employees.slice(0, 5);
    const draft = await createReservationDraft(createCtx({ actor: a.head.actor }), {
      edrpou: a.edrpou,
      employees: listed.map((rnokpp, i) => ({ rnokpp, ...(i === 0 ? { salary: 3_100_000 } : {}) })),
    });

    expect(draft.limit).toEqual({ total: 3, used: 0, available: 3 });
    expect(draft.precheck.map((p) => p.rnokpp)).toEqual(listed);
    expect(draft.precheck.map((p) => p.eligible)).toEqual([true, true, true, false, false]);
    expect(draft.precheck[3]!.reasons).toEqual([
      { code: "QUOTA_EXCEEDED", message: "Перевищено ліміт бронювання (3 з 3)" },
    ]);
    expect(draft.precheck[0]!.salary).toBe(3_100_000);
    expect(draft.precheck[1]!.salary).toBe(3_000_000);

    const signed = JSON.parse(new TextDecoder().decode(draft.document));
    expect(signed).toMatchObject({
      type: "bronya.reservation-application",
      version: 1,
      enterprise: { edrpou: a.edrpou, name: a.name },
      decision: { number: "КР-1" },
    });
    expect(signed.employees.map((e: { rnokpp: string }) => e.rnokpp)).toEqual(listed);
    expect(signed.employees[0].salary).toBe("31000.00");
    expect(signed.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signed.preparedBy).toEqual({ rnokpp: a.head.rnokpp, fullName: a.head.fullName });

    const signature = sign(a.head.key!, draft.document);
    const submitted = await submitApplication(createCtx({ actor: a.head.actor }), {
      draftId: draft.draftId,
      signature,
    });
    expect(submitted).toMatchObject({ status: "QUEUED", repeated: false });
    const items = await db.applicationItem.findMany({
      where: { applicationId: submitted.applicationId },
      orderBy: { position: "asc" },
    });
    expect(items.map((i) => [i.position, i.rnokpp])).toEqual(listed.map((r, i) => [i + 1, r]));
    expectEvery(items, (i) => i.decision === null);
    const submitAudit = await db.auditLog.findFirstOrThrow({
      where: { entityId: submitted.applicationId, action: "application.submit" },
    });
    expect(submitAudit.signedDocumentId).not.toBeNull();

    const before = await counts();
    const decided = await decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: submitted.applicationId,
    });
    expect(decided).toMatchObject({ outcome: "decided", reserved: 3, refused: 2 });
    const after = await counts();
    expect(after.reservations - before.reservations).toBe(3);
    expect(after.marks - before.marks).toBe(3);
    // The head (who also signed) once, and every employee once.
    expect(after.notifications - before.notifications).toBe(1 + 5);

    const reservations = await db.reservation.findMany({
      where: { applicationId: submitted.applicationId },
      orderBy: { rnokpp: "asc" },
    });
    expect(reservations.map((r) => r.rnokpp)).toEqual([...listed.slice(0, 3)].sort());
    expectEvery(
      reservations,
      (r) => r.status === "ACTIVE" && r.activeRnokpp === r.rnokpp && r.decisionId === a.decisionId,
    );
    const marks = await db.reservationMark.findMany({
      where: { reservationId: { in: reservations.map((r) => r.id) } },
    });
    expect(marks).toHaveLength(3);
    expectEvery(marks, (m) => m.status === "ACTIVE" && m.source === "portal" && m.edrpou === a.edrpou);

    const view = await getApplication(createCtx({ actor: a.head.actor }), { applicationId: submitted.applicationId });
    expect(view).toMatchObject({
      status: "DECIDED",
      kind: "RESERVATION",
      counts: { items: 5, reserved: 3, refused: 2 },
    });
    expect(view.rulesetVersion).toMatch(/^res/);
    expect(view.items.map((i) => i.decision)).toEqual(["RESERVED", "RESERVED", "RESERVED", "REFUSED", "REFUSED"]);
    expect(view.items[0]!.reservedFrom).toBe(a.today);
    expect(view.items[0]!.reservedUntil).not.toBeNull();
    expect(view.items[4]!.reasons).toEqual([
      { code: "QUOTA_EXCEEDED", message: "Перевищено ліміт бронювання (3 з 3)" },
    ]);

    const employeeNotice = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: listed[0], kind: "reservation.granted" },
    });
    expect(employeeNotice.body).toContain(a.name);
    expect(employeeNotice.body).toContain("сформуйте новий — він покаже бронювання");
    expect(employeeNotice.link).toBe("/me");
    const refusedNotice = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: listed[4], kind: "reservation.refused" },
    });
    expect(refusedNotice.body).toContain("Перевищено ліміт бронювання (3 з 3)");
    // Employee 0 has an e-mail in the registry: the outbox holds a mail for them.
    expect(await db.outgoingEmail.count({ where: { to: `worker1-0@example.test` } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityId: submitted.applicationId, action: "application.decide" } }),
    ).toBe(1);

    // The decision is written exactly once: a second run (a duplicate job) changes nothing.
    const again = await decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: submitted.applicationId,
    });
    expect(again.outcome).toBe("already-decided");
    expect(await counts()).toEqual(after);

    // The same signature again returns the same application; another one is refused with its id.
    const repeated = await submitApplication(createCtx({ actor: a.head.actor }), { draftId: draft.draftId, signature });
    expect(repeated).toEqual({ applicationId: submitted.applicationId, status: "DECIDED", repeated: true });
    const other = sign(a.head.key!, draft.document, new Date(Date.now() - 5_000));
    const conflict = await expectCode("DRAFT_ALREADY_SUBMITTED", () =>
      submitApplication(createCtx({ actor: a.head.actor }), { draftId: draft.draftId, signature: other }),
    );
    expect(conflict.details).toEqual({ applicationId: submitted.applicationId });
    expect(await counts()).toEqual(after);

    const list = await listApplications(createCtx({ actor: a.head.actor }), { edrpou: a.edrpou });
    expect(list.items[0]).toMatchObject({ id: submitted.applicationId, items: 5, reserved: 3, refused: 2 });
  });

  it("re-reads the facts at decision time: a dismissal after the draft is refused NOT_AN_EMPLOYEE", async () => {
    const [first] = a.employees.slice(6, 7);
    const draft = await createReservationDraft(createCtx({ actor: a.head.actor }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: first! }],
    });
    expect(draft.precheck[0]!.reasons.map((r) => r.code)).toEqual(["QUOTA_EXCEEDED"]);
    await db.employment.updateMany({
      where: { rnokpp: first, edrpou: a.edrpou },
      data: { endDate: isoDateToUtc(addDays(a.today, -1)) },
    });
    const submitted = await submitApplication(createCtx({ actor: a.head.actor }), {
      draftId: draft.draftId,
      signature: sign(a.head.key!, draft.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.applicationId });
    const view = await getApplication(createCtx({ actor: a.head.actor }), { applicationId: submitted.applicationId });
    expect(view.items[0]!.reasons.map((r) => r.code)).toEqual(["NOT_AN_EMPLOYEE"]);
  });

  it("extends a reservation with at most 30 days left: the old one is SUPERSEDED, the slot kept", async () => {
    const person = b.employees[0]!;
    const first = await createReservationDraft(createCtx({ actor: b.head.actor }), {
      edrpou: b.edrpou,
      employees: [{ rnokpp: person }],
    });
    const app1 = await submitApplication(createCtx({ actor: b.head.actor }), {
      draftId: first.draftId,
      signature: sign(b.head.key!, first.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: app1.applicationId });
    const old = await db.reservation.findFirstOrThrow({ where: { rnokpp: person, status: "ACTIVE" } });
    // Move the current reservation near its end: 20 days left.
    const soon = isoDateToUtc(addDays(b.today, 20));
    await db.reservation.update({ where: { id: old.id }, data: { untilDate: soon } });
    await db.reservationMark.updateMany({ where: { reservationId: old.id }, data: { untilDate: soon } });

    const second = await createReservationDraft(createCtx({ actor: b.head.actor }), {
      edrpou: b.edrpou,
      employees: [{ rnokpp: person }],
    });
    expect(second.precheck[0]).toMatchObject({ eligible: true, extension: true });
    expect(second.limit).toEqual({ total: 2, used: 1, available: 1 });
    const app2 = await submitApplication(createCtx({ actor: b.head.actor }), {
      draftId: second.draftId,
      signature: sign(b.head.key!, second.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: app2.applicationId });

    const rows = await db.reservation.findMany({ where: { rnokpp: person }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["SUPERSEDED", "ACTIVE"]);
    const oldMark = await db.reservationMark.findFirstOrThrow({ where: { reservationId: old.id } });
    expect(oldMark).toMatchObject({ status: "SUPERSEDED", activeRnokpp: null });
    expect(await db.reservationMark.count({ where: { edrpou: b.edrpou, status: "ACTIVE" } })).toBe(1);
    expect(await db.notification.count({ where: { recipientRnokpp: person, kind: "reservation.extended" } })).toBe(1);
  });
  it("counts every mark in force at the enterprise for the limit, and none that has run out but is not yet closed", async () => {
    const c = await createWorld(createCtx({ actor: null }), { serial: 3, employees: 4, limitCount: 2 });
    const draftOf = (rnokpps: string[]) =>
      createReservationDraft(createCtx({ actor: c.head.actor }), {
        edrpou: c.edrpou,
        employees: rnokpps.map((rnokpp) => ({ rnokpp })),
      });
    const [first, second, third] = c.employees;
    const both = await draftOf([first!, second!]);
    const app = await submitApplication(createCtx({ actor: c.head.actor }), {
      draftId: both.draftId,
      signature: sign(c.head.key!, both.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: app.applicationId });

    // Both places are taken by persons the draft does not list.
    const full = await draftOf([third!]);
    expect(full.limit).toEqual({ total: 2, used: 2, available: 0 });
    expect(full.precheck[0]!.reasons.map((r) => r.code)).toEqual(["QUOTA_EXCEEDED"]);

    // One reservation's term ran out yesterday; the expiry job has not closed its mark yet.
    const ended = isoDateToUtc(addDays(c.today, -1));
    const lapsed = await db.reservation.findFirstOrThrow({ where: { rnokpp: first, status: "ACTIVE" } });
    await db.reservation.update({ where: { id: lapsed.id }, data: { untilDate: ended } });
    await db.reservationMark.updateMany({ where: { reservationId: lapsed.id }, data: { untilDate: ended } });
    const freed = await draftOf([third!]);
    expect(freed.limit).toEqual({ total: 2, used: 1, available: 1 });
    expect(freed.precheck[0]).toMatchObject({ eligible: true });
    const reserved = await submitApplication(createCtx({ actor: c.head.actor }), {
      draftId: freed.draftId,
      signature: sign(c.head.key!, freed.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: reserved.applicationId });
    const view = await getApplication(createCtx({ actor: c.head.actor }), { applicationId: reserved.applicationId });
    expect(view.items.map((i) => i.reasons)).toEqual([[]]);
  });
});

describe("refusals leave nothing behind", () => {
  it("an employee listed twice: DUPLICATE_EMPLOYEE naming the РНОКПП and both positions", async () => {
    const before = await counts();
    const twice = a.employees[1]!;
    const error = await expectCode("DUPLICATE_EMPLOYEE", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), {
        edrpou: a.edrpou,
        employees: [{ rnokpp: twice }, { rnokpp: a.employees[2]! }, { rnokpp: twice }],
      }),
    );
    expect(error.message).toContain(twice);
    expect(error.message).toContain("1 і 3");
    expect(await counts()).toEqual(before);
  });

  it("bad identifiers, empty and oversized lists, unknown fields", async () => {
    const before = await counts();
    await expectCode("INVALID_RNOKPP", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), {
        edrpou: a.edrpou,
        employees: [{ rnokpp: "1234567890" }],
      }),
    );
    await expectCode("INVALID_EDRPOU", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), {
        edrpou: "12345670",
        employees: [{ rnokpp: a.employees[0]! }],
      }),
    );
    await expectCode("VALIDATION_FAILED", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), { edrpou: a.edrpou, employees: [] }),
    );
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ rnokpp: personRnokpp(900, i) }));
    await expectCode("VALIDATION_FAILED", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), { edrpou: a.edrpou, employees: tooMany }),
    );
    await expectCode("UNKNOWN_FIELD", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), {
        edrpou: a.edrpou,
        employees: [{ rnokpp: a.employees[0]!, bonus: 1 } as never],
      }),
    );
    expect(await counts()).toEqual(before);
  });

  it("another enterprise's data is not found; a conscript is forbidden", async () => {
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      createReservationDraft(createCtx({ actor: a.head.actor }), {
        edrpou: b.edrpou,
        employees: [{ rnokpp: b.employees[1]! }],
      }),
    );
    // Even with a forged session naming B, A's head is not B's head in the registry.
    const forged: Actor = { ...a.head.actor, edrpou: b.edrpou };
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      createReservationDraft(createCtx({ actor: forged }), {
        edrpou: b.edrpou,
        employees: [{ rnokpp: b.employees[1]! }],
      }),
    );

    const draftB = await createReservationDraft(createCtx({ actor: b.head.actor }), {
      edrpou: b.edrpou,
      employees: [{ rnokpp: b.employees[1]! }],
    });
    const before = await counts();
    await expectCode("DRAFT_NOT_FOUND", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: draftB.draftId,
        signature: sign(a.head.key!, draftB.document),
      }),
    );
    await expectCode("DRAFT_NOT_FOUND", () =>
      submitApplication(createCtx({ actor: a.head.actor }), { draftId: "not-a-uuid", signature: new Uint8Array([1]) }),
    );
    expect(await counts()).toEqual(before);

    const appB = await submitApplication(createCtx({ actor: b.head.actor }), {
      draftId: draftB.draftId,
      signature: sign(b.head.key!, draftB.document),
    });
    await expectCode("APPLICATION_NOT_FOUND", () =>
      getApplication(createCtx({ actor: a.head.actor }), { applicationId: appB.applicationId }),
    );

    const conscript: Actor = {
      userId: null,
      rnokpp: a.employees[0]!,
      fullName: "Працівник",
      role: "CONSCRIPT",
      via: "password",
    };
    await expectCode("FORBIDDEN", () =>
      createReservationDraft(createCtx({ actor: conscript }), {
        edrpou: a.edrpou,
        employees: [{ rnokpp: a.employees[0]! }],
      }),
    );
  });

  it("an authorized person prepares but cannot submit; the head's signature is required", async () => {
    const authorized = a.authorized!;
    const draft = await createReservationDraft(createCtx({ actor: authorized.actor }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[8]! }],
    });
    const stored = await db.draft.findUniqueOrThrow({ where: { id: draft.draftId } });
    expect(stored.createdByRnokpp).toBe(authorized.rnokpp);

    const before = await counts();
    await expectCode("FORBIDDEN", () =>
      submitApplication(createCtx({ actor: authorized.actor }), {
        draftId: draft.draftId,
        signature: sign(authorized.key!, draft.document),
      }),
    );
    // The head uploading the authorized person's signature: the signer is not the head.
    await expectCode("SIGNER_NOT_HEAD", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: draft.draftId,
        signature: sign(authorized.key!, draft.document),
      }),
    );
    expect(await counts()).toEqual(before);

    // A withdrawn authorization stops working at once.
    await db.membership.updateMany({ where: { userId: authorized.userId }, data: { revokedAt: new Date() } });
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      createReservationDraft(createCtx({ actor: authorized.actor }), {
        edrpou: a.edrpou,
        employees: [{ rnokpp: a.employees[8]! }],
      }),
    );
    await db.membership.updateMany({ where: { userId: authorized.userId }, data: { revokedAt: null } });
  });

  it("a stale draft: DRAFT_STALE, nothing written; a tampered signature: CONTENT_MISMATCH", async () => {
    const created = new Date(Date.now() - 25 * 3_600_000);
    const draft = await createReservationDraft(createCtx({ actor: a.head.actor, now: created }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[9]! }],
    });
    const before = await counts();
    await expectCode("DRAFT_STALE", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: draft.draftId,
        signature: sign(a.head.key!, draft.document),
      }),
    );

    const fresh = await createReservationDraft(createCtx({ actor: a.head.actor }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[9]! }],
    });
    await expectCode("CONTENT_MISMATCH", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: fresh.draftId,
        signature: sign(a.head.key!, draft.document),
      }),
    );
    expect(await counts()).toEqual({ ...before, drafts: before.drafts + 1 });
  });
});
