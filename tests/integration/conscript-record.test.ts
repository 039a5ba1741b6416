import { beforeAll, describe, expect, it } from "vitest";
import { getMyRecord } from "@/lib/citizen/get-my-record";
import { getMyStatus } from "@/lib/citizen/get-my-status";
import { listReservationHistory } from "@/lib/citizen/list-reservation-history";
import { updateMyContacts } from "@/lib/citizen/update-my-contacts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listNotifications, markNotificationsRead } from "@/lib/notifications";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";
import { conscriptActor } from "@/tests/integration/fixtures/actors";

// The conscript's record, history, status and contacts, against the real registry tables.
// The clock is fixed: 22.11.2026 at noon in Kyiv.

const now = new Date("2026-11-22T10:00:00Z");

let reserved: string;
let other: string;
let enterprise: { edrpou: string; name: string };

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  enterprise = await createEnterprise(db, { name: "Світанок" });
  const elsewhere = await createEnterprise(db, { name: "Колишній роботодавець" });
  reserved = (
    await createPerson(db, {
      birthDate: "1991-04-07",
      lastName: "Коваленко",
      firstName: "Андрій",
      patronymic: "Сергійович",
      email: "a.kovalenko@example.com",
      military: {
        rank: "солдат",
        specialty: "427077 — водій",
        vlkDate: "2025-03-18",
        vlkResult: "придатний",
        tcc: "Соборний РТЦК та СП м. Дніпра",
      },
    })
  ).rnokpp;
  other = (await createPerson(db, { birthDate: "1990-01-01" })).rnokpp;
  await createReservationMark(db, {
    rnokpp: reserved,
    edrpou: elsewhere.edrpou,
    fromDate: "2025-01-10",
    untilDate: "2025-12-31",
    status: "EXPIRED",
  });
  await createReservationMark(db, {
    rnokpp: reserved,
    edrpou: enterprise.edrpou,
    fromDate: "2026-10-15",
    untilDate: "2027-10-14",
    source: "diia",
  });
  // Another person's active reservation, never to be shown to ours.
  await createReservationMark(db, {
    rnokpp: other,
    edrpou: elsewhere.edrpou,
    fromDate: "2026-01-01",
    untilDate: "2026-12-31",
  });
});

describe("getMyRecord", () => {
  it("shows the registry's facts, the status explained, and the reservation in force", async () => {
    const record = await getMyRecord(createCtx({ actor: conscriptActor(reserved), now }));
    expect(record.person).toMatchObject({
      rnokpp: reserved,
      fullName: "Коваленко Андрій Сергійович",
      birthDate: "1991-04-07",
    });
    expect(record.person.military).toMatchObject({
      tcc: "Соборний РТЦК та СП м. Дніпра",
      rank: "солдат",
      vlkResult: "придатний",
      dataUpdatedOn: "2024-06-10",
    });
    expect(record.status).toMatchObject({ code: "ON_REGISTER", label: "На обліку", tone: "success", ribbon: false });
    expect(record.dataUpdate).toMatchObject({ upToDate: true, label: "Дані уточнено вчасно" });
    expect(record.reservation).toMatchObject({
      edrpou: enterprise.edrpou,
      enterpriseName: enterprise.name,
      fromDate: "2026-10-15",
      untilDate: "2027-10-14",
      sourceLabel: "Портал «Дія»",
    });
    expect(record.reservation!.daysLeft).toBe(326);
    expect(record.sources.map((s) => s.part)).toEqual(["Особисті дані та контакти", "Військовий облік", "Бронювання"]);
  });

  it("a wanted person sees the red status", async () => {
    const wanted = (await createPerson(db, { military: { status: "WANTED" } })).rnokpp;
    const record = await getMyRecord(createCtx({ actor: conscriptActor(wanted), now }));
    expect(record.status).toMatchObject({ code: "WANTED", label: "У розшуку", tone: "fail", ribbon: true });
    expect(record.reservation).toBeNull();
  });

  it("an active mark past its end is not shown as in force", async () => {
    const lapsed = (await createPerson(db)).rnokpp;
    await createReservationMark(db, {
      rnokpp: lapsed,
      edrpou: enterprise.edrpou,
      fromDate: "2025-11-01",
      untilDate: "2026-11-21",
    });
    expect((await getMyRecord(createCtx({ actor: conscriptActor(lapsed), now }))).reservation).toBeNull();
  });

  it("refuses other roles and a person the registry does not know", async () => {
    await expectAppError(
      getMyRecord(createCtx({ actor: { ...conscriptActor(reserved), role: "RECRUITER", unitId: "x" }, now })),
      "FORBIDDEN",
    );
    await expectAppError(getMyRecord(createCtx({ actor: null, now })), "UNAUTHENTICATED");
    await expectAppError(getMyRecord(createCtx({ actor: conscriptActor("1759013776"), now })), "NOT_FOUND");
  });
});

describe("listReservationHistory", () => {
  it("lists every mark of the person, made anywhere, newest first, and nobody else's", async () => {
    const history = await listReservationHistory(createCtx({ actor: conscriptActor(reserved) }));
    expect(history.reservations.map((r) => [r.fromDate, r.status, r.sourceLabel])).toEqual([
      ["2026-10-15", "ACTIVE", "Портал «Дія»"],
      ["2025-01-10", "EXPIRED", "Портал «Дія»"],
    ]);
    expect(history.reservations[1]!.enterpriseName).toContain("Колишній роботодавець");
    expectEvery(history.reservations, (r) => r.portal === null);
    expect(history.refusals).toEqual([]);
  });
});

describe("getMyStatus", () => {
  it("answers with the status and the reservation in force", async () => {
    const status = await getMyStatus(createCtx({ actor: null, now }), { rnokpp: reserved });
    expect(status).toMatchObject({
      rnokpp: reserved,
      fullName: "Коваленко Андрій Сергійович",
      registration: { status: "ON_REGISTER", statusLabel: "На обліку", dataUpToDate: true, wanted: false },
      reservation: {
        edrpou: enterprise.edrpou,
        enterpriseName: enterprise.name,
        from: "2026-10-15",
        until: "2027-10-14",
        daysLeft: 326,
        source: "diia",
      },
    });
  });

  it("a person without a military registration gets FORBIDDEN, an unknown one too", async () => {
    const woman = (await createPerson(db, { sex: "FEMALE" })).rnokpp;
    await expectAppError(getMyStatus(createCtx({ actor: null, now }), { rnokpp: woman }), "FORBIDDEN");
    await expectAppError(getMyStatus(createCtx({ actor: null, now }), { rnokpp: "1759013776" }), "FORBIDDEN");
  });
});

describe("updateMyContacts", () => {
  it("writes the contacts to the registry, dates the data update, audits and notifies", async () => {
    const person = (await createPerson(db, { email: null })).rnokpp;
    const result = await updateMyContacts(createCtx({ actor: conscriptActor(person), now }), {
      phone: "067 765 43 21",
      email: "New@Example.com",
      address: "м. Львів, вул. Городоцька, 25, кв. 3",
    });
    expect(result.changed.sort()).toEqual(["address", "email", "phone"]);
    const row = await db.person.findUniqueOrThrow({ where: { rnokpp: person }, include: { military: true } });
    expect(row).toMatchObject({
      phone: "+380677654321",
      email: "new@example.com",
      address: "м. Львів, вул. Городоцька, 25, кв. 3",
    });
    expect(row.military!.dataUpdatedOn!.toISOString().slice(0, 10)).toBe("2026-11-22");
    const audit = await db.auditLog.findMany({ where: { entityId: person, action: "contacts.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({
      changed: expect.arrayContaining(["phone", "email", "address"]),
      dataUpdatedOn: "2026-11-22",
    });
    // The audit keeps which fields changed, not the values.
    expect(JSON.stringify(audit[0]!.details)).not.toContain("new@example.com");
    const { items, unread } = await listNotifications({ db }, { rnokpp: person, audience: "me" });
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({
      kind: "contacts.updated",
      title: "Контактні дані оновлено",
      link: "/me/document",
    });
    expect(items[0]!.body).toContain("Дата уточнення даних — 22.11.2026");
    expect(await markNotificationsRead({ db, now }, { rnokpp: person, audience: "me" })).toBe(1);
    expect((await listNotifications({ db }, { rnokpp: person, audience: "me" })).unread).toBe(0);
    // The confirmation e-mail goes to the new address, through the outbox.
    expect(await db.outgoingEmail.count({ where: { to: "new@example.com" } })).toBe(1);
  });

  it.each([
    [{ phone: "+4412345", email: "", address: "м. Київ, вул. Хрещатик, 1" }, "phone"],
    [{ phone: "+380671234567", email: "nope", address: "м. Київ, вул. Хрещатик, 1" }, "email"],
    [{ phone: "+380671234567", email: "", address: "Київ" }, "address"],
    [{ phone: "+380671234567", email: "", address: "м. Київ, вул. Хрещатик, 1", rnokpp: "1759013776" }, "rnokpp"],
  ])("invalid contacts (%o) change nothing", async (input, field) => {
    const person = (await createPerson(db)).rnokpp;
    const before = await db.person.findUniqueOrThrow({ where: { rnokpp: person }, include: { military: true } });
    const error = await expectAppError(
      updateMyContacts(createCtx({ actor: conscriptActor(person), now }), input),
      field === "rnokpp" ? "UNKNOWN_FIELD" : "VALIDATION_FAILED",
    );
    if (field !== "rnokpp") expect(error.fields?.[field]).toBeTruthy();
    expect(await db.person.findUniqueOrThrow({ where: { rnokpp: person }, include: { military: true } })).toEqual(
      before,
    );
    expect(await db.auditLog.count({ where: { entityId: person } })).toBe(0);
    expect(await db.notification.count({ where: { recipientRnokpp: person } })).toBe(0);
  });

  it("changes only the signed-in person's record", async () => {
    const before = await db.person.findUniqueOrThrow({ where: { rnokpp: other } });
    await updateMyContacts(createCtx({ actor: conscriptActor(reserved), now }), {
      phone: "+380501112233",
      address: "м. Дніпро, вул. Вишнева, 8, кв. 54",
    });
    expect(await db.person.findUniqueOrThrow({ where: { rnokpp: other } })).toEqual(before);
    await expectAppError(
      updateMyContacts(
        createCtx({ actor: { ...conscriptActor(reserved), role: "ENTERPRISE_HEAD", edrpou: enterprise.edrpou }, now }),
        {},
      ),
      "FORBIDDEN",
    );
  });
});
