import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { kyivDate } from "@/lib/format";
import { formNotices } from "@/lib/notices/form-notices";
import { registryFor } from "@/lib/registry";
import { createReservationDraft, decideSubmittedApplication, submitApplication } from "@/lib/reservations";
import { createWorld, sign } from "@/lib/reservations/testing/world";
import { getRegisterPerson } from "@/lib/tck/get-register-person";
import { grantDeferment } from "@/lib/tck/grant-deferment";
import { listRegister } from "@/lib/tck/list-register";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { prepareBatchSigning } from "@/lib/notices/prepare-batch-signing";
import { signNoticeBatch } from "@/lib/notices/sign-notice-batch";
import { createPerson, createReservationMark, createEnterprise, createTcc, createUser } from "@/prisma/seed/factories";
import { expectEvery } from "@/tests/support/expect-every";
import { createCtx } from "@/lib/context-server";

// The ТЦК cabinet against the real database: every protection the law gives refuses a person
// (the rest of the batch is formed), bad input changes nothing, and a reservation or deferment
// granted later withdraws an undelivered mobilisation notice in its own transaction.

const now = new Date();
const today = kyivDate(now);
const TCC = "Тестовий Соборний РТЦК та СП";
const OTHER_TCC = "Тестовий Чечелівський РТЦК та СП";

/** The next working day at least two days ahead, as the form sends it. */
function nextWorkingDay(): string {
  let day = addDays(today, 2);
  while ([0, 6].includes(isoDateToUtc(day).getUTCDay())) day = addDays(day, 1);
  return day;
}
const appearDate = nextWorkingDay();

let officer: Actor;
let head: Actor;
let otherOfficer: Actor;
const people: Record<string, string> = {};

const ctx = (actor: Actor | null) => ({ actor: actor as Actor, db, registry: registryFor(db), now });
const yearsAgo = (years: number, days = 0) => addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, days);

async function tckUser(role: "TCK_OFFICER" | "TCK_HEAD", tcc: string, fullName: string): Promise<Actor> {
  const { user } = await createUser(db, { role, tcc, fullName, email: null });
  return { userId: user.id, rnokpp: user.rnokpp, fullName, role, tcc, via: "password" } as Actor;
}

async function counts() {
  const [batches, notices, refusals, audit] = await Promise.all([
    db.noticeBatch.count(),
    db.notice.count(),
    db.noticeRefusal.count(),
    db.auditLog.count(),
  ]);
  return { batches, notices, refusals, audit };
}

async function refused(code: string, work: () => Promise<unknown>) {
  const before = await counts();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).status).toBeGreaterThanOrEqual(400);
  expect((error as AppError).status).toBeLessThan(500);
  expect(await counts()).toEqual(before);
  return error as AppError;
}

const mobilisation = (rnokpps: string[], extra: Record<string, unknown> = {}) => ({
  kind: "MOBILISATION",
  appearDate,
  appearTime: "09:00",
  place: "м. Дніпро, вул. Тестова, 1, каб. 5",
  selection: { by: "people", rnokpps },
  ...extra,
});

beforeAll(async () => {
  await createTcc(db, { name: TCC, edrpou: "80000014" });
  await createTcc(db, { name: OTHER_TCC, edrpou: "80000020" });
  officer = await tckUser("TCK_OFFICER", TCC, "Шевчук Олександр Романович");
  head = await tckUser("TCK_HEAD", TCC, "Мороз Василь Григорович");
  otherOfficer = await tckUser("TCK_OFFICER", OTHER_TCC, "Інший Офіцер Іванович");
  const enterprise = await createEnterprise(db);
  const at = (military: Record<string, unknown> = {}) => ({ tcc: TCC, ...military });
  people.eligible = (await createPerson(db, { lastName: "Придатний", birthDate: yearsAgo(35), military: at() })).rnokpp;
  people.reserved = (
    await createPerson(db, { lastName: "Заброньований", birthDate: yearsAgo(40), military: at() })
  ).rnokpp;
  await createReservationMark(db, {
    rnokpp: people.reserved,
    edrpou: enterprise.edrpou,
    fromDate: addDays(today, -30),
    untilDate: addDays(today, 200),
  });
  people.deferred = (
    await createPerson(db, {
      lastName: "Відстрочений",
      birthDate: yearsAgo(33),
      military: at({ deferment: "навчання у закладі освіти", defermentUntil: addDays(today, 90) }),
    })
  ).rnokpp;
  people.serving = (
    await createPerson(db, {
      lastName: "Служить",
      birthDate: yearsAgo(30),
      military: at({ status: "REMOVED", mobilisedOn: addDays(today, -100) }),
    })
  ).rnokpp;
  people.excluded = (
    await createPerson(db, { lastName: "Виключений", birthDate: yearsAgo(45), military: at({ status: "EXCLUDED" }) })
  ).rnokpp;
  people.removed = (
    await createPerson(db, { lastName: "Знятий", birthDate: yearsAgo(50), military: at({ status: "REMOVED" }) })
  ).rnokpp;
  people.woman = (
    await createPerson(db, {
      sex: "FEMALE",
      lastName: "Жінка",
      birthDate: yearsAgo(30),
      military: at({ status: "NOT_REGISTERED" }),
    })
  ).rnokpp;
  people.young = (
    await createPerson(db, {
      lastName: "Молодий",
      birthDate: yearsAgo(25, 1),
      military: at({ liability: "CONSCRIPT" }),
    })
  ).rnokpp;
  people.old = (await createPerson(db, { lastName: "Старший", birthDate: yearsAgo(60, 1), military: at() })).rnokpp;
  people.foreign = (
    await createPerson(db, { lastName: "Чужий", birthDate: yearsAgo(35), military: { tcc: OTHER_TCC } })
  ).rnokpp;
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("forming notices", () => {
  it("refuses every protected person with the reason, forms the rest, in one batch", async () => {
    const order = ["eligible", "reserved", "deferred", "serving", "excluded", "removed", "woman", "young", "old"];
    const result = await formNotices(ctx(officer), mobilisation(order.map((key) => people[key]!)));
    expect(result.formed).toBe(1);
    const byKey = Object.fromEntries(
      result.refused.map((r) => [order.find((key) => people[key] === r.rnokpp), r.codes]),
    );
    expect(byKey).toEqual({
      reserved: ["RESERVED"],
      deferred: ["DEFERRED"],
      serving: ["SERVING"],
      excluded: ["REMOVED_FROM_REGISTER"],
      removed: ["REMOVED_FROM_REGISTER"],
      woman: ["WOMAN_NOT_LIABLE"],
      young: ["AGE_UNDER_LIMIT"],
      old: ["AGE_OVER_LIMIT"],
    });
    expect(result.refused.find((r) => r.rnokpp === people.reserved)!.reasons[0]).toMatch(/^Особу заброньовано до /);
    const notices = await db.notice.findMany({ where: { batchId: result.batchId } });
    expect(notices.map((n) => [n.rnokpp, n.status, n.kind, n.tcc])).toEqual([
      [people.eligible, "FORMED", "MOBILISATION", TCC],
    ]);
    expect(notices[0]!.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const refusals = await db.noticeRefusal.findMany({ where: { batchId: result.batchId } });
    expect(refusals).toHaveLength(8);
    expect(refusals.find((r) => r.rnokpp === people.reserved)!.reasons).toEqual(["RESERVED"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: result.batchId, action: "notices.form" } });
    expect(audit.details).toMatchObject({ formed: 1, refused: 8, tcc: TCC });
  });

  it("does not refuse a reservation or a deferment that has ended", async () => {
    const ended = (
      await createPerson(db, {
        lastName: "Колишній",
        birthDate: yearsAgo(41),
        military: { tcc: TCC, deferment: "навчання у закладі освіти", defermentUntil: addDays(today, -1) },
      })
    ).rnokpp;
    const result = await formNotices(ctx(officer), { ...mobilisation([ended]), kind: "CLARIFY_DATA" });
    expect(result).toMatchObject({ formed: 1, refused: [] });
  });

  it("forms by a filter of the register", async () => {
    const result = await formNotices(ctx(officer), {
      ...mobilisation([]),
      selection: { by: "filter", filter: { q: "Заброньований" } },
    });
    expect(result.formed).toBe(0);
    expect(result.refused.map((r) => r.codes)).toEqual([["RESERVED"]]);
  });

  it("refuses the whole batch when it names another ТЦК's person, and writes nothing", async () => {
    const error = await refused("NOTICE_PERSON_OTHER_TCC", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!, people.foreign!])),
    );
    expect(error.status).toBe(403);
    await refused("NOTICE_PERSON_OTHER_TCC", () => formNotices(ctx(otherOfficer), mobilisation([people.eligible!])));
    await refused("NOTICE_PERSON_OTHER_TCC", () => formNotices(ctx(officer), mobilisation(["1759013776"])));
  });

  it("refuses a date in the past, a weekend, hours outside 08:00–17:00 and bad input, writing nothing", async () => {
    await refused("NOTICE_APPEARANCE_INVALID", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!], { appearDate: addDays(today, -1) })),
    );
    await refused("NOTICE_APPEARANCE_INVALID", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!], { appearDate: today })),
    );
    let saturday = addDays(today, 1);
    while (isoDateToUtc(saturday).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    await refused("NOTICE_APPEARANCE_INVALID", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!], { appearDate: saturday })),
    );
    const late = await refused("NOTICE_APPEARANCE_INVALID", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!], { appearTime: "19:30" })),
    );
    expect(late.message).toMatch(/робочі години/);
    await refused("VALIDATION_FAILED", () => formNotices(ctx(officer), mobilisation([])));
    await refused("VALIDATION_FAILED", () =>
      formNotices(ctx(officer), mobilisation([people.eligible!], { kind: "ARREST" })),
    );
    await refused("VALIDATION_FAILED", () => formNotices(ctx(officer), mobilisation(["12345"])));
    await refused("NOTICE_SELECTION_EMPTY", () =>
      formNotices(ctx(officer), { ...mobilisation([]), selection: { by: "filter", filter: { q: "Неіснуючий" } } }),
    );
  });

  it("refuses other roles and a withdrawn officer", async () => {
    const conscript = {
      userId: null,
      rnokpp: people.eligible!,
      fullName: "Придатний",
      role: "CONSCRIPT",
      via: "password",
    } as Actor;
    await refused("FORBIDDEN", () => formNotices(ctx(conscript), mobilisation([people.eligible!])));
    await refused("UNAUTHENTICATED", () => formNotices(ctx(null), mobilisation([people.eligible!])));
    const gone = await tckUser("TCK_OFFICER", TCC, "Звільнений Офіцер");
    await db.membership.updateMany({ where: { userId: gone.userId! }, data: { revokedAt: now } });
    await refused("FORBIDDEN", () => formNotices(ctx(gone), mobilisation([people.eligible!])));
  });
});

describe("the head signs a batch with КЕП", () => {
  const keyOf = async (actor: Actor, edrpou: string, organization: string) =>
    openKeyFile(
      (
        await issueCertificate(
          { db, now },
          {
            rnokpp: actor.rnokpp!,
            fullName: actor.fullName,
            password: "Tck-Key-Pass1",
            edrpou,
            organization,
            title: "Начальник",
          },
        )
      ).p12,
      "Tck-Key-Pass1",
    );

  it("accepts one signature over the canonical list from the head of this ТЦК only", async () => {
    const person = (await createPerson(db, { lastName: "Підписаний", birthDate: yearsAgo(34), military: { tcc: TCC } }))
      .rnokpp;
    const batch = await formNotices(ctx(officer), mobilisation([person]));
    await refused("FORBIDDEN", () => prepareBatchSigning(ctx(officer), { batchId: batch.batchId }));
    await refused("FORBIDDEN", () =>
      prepareBatchSigning(ctx({ ...head, tcc: OTHER_TCC } as Actor), { batchId: batch.batchId }),
    );
    const otherHead = await tckUser("TCK_HEAD", OTHER_TCC, "Інший Начальник Петрович");
    await refused("NOT_FOUND", () => prepareBatchSigning(ctx(otherHead), { batchId: batch.batchId }));

    const prepared = await prepareBatchSigning(ctx(head), { batchId: batch.batchId });
    const document = Buffer.from(prepared.document, "base64");
    const signed = JSON.parse(document.toString("utf8"));
    expect(signed).toMatchObject({
      type: "bronya.notice-batch",
      tcc: { name: TCC, edrpou: "80000014" },
      kind: "MOBILISATION",
    });
    expect(signed.notices.map((n: { rnokpp: string }) => n.rnokpp)).toEqual([person]);
    expect(signed.notices[0].number).toMatch(/^П-\d{4}\/\d{6}$/);

    const officerKey = await keyOf(officer, "80000014", TCC);
    const wrongTcc = await keyOf(head, "80000020", OTHER_TCC);
    await refused("SIGNER_NOT_TCK_HEAD", () =>
      signNoticeBatch(ctx(head), {
        batchId: batch.batchId,
        nonce: prepared.nonce,
        signature: Buffer.from(signDetached(officerKey, document)).toString("base64"),
      }),
    );
    await refused("SIGNER_NOT_TCK_HEAD", () =>
      signNoticeBatch(ctx(head), {
        batchId: batch.batchId,
        nonce: prepared.nonce,
        signature: Buffer.from(signDetached(wrongTcc, document)).toString("base64"),
      }),
    );
    const headKey = await keyOf(head, "80000014", TCC);
    const signature = Buffer.from(signDetached(headKey, document)).toString("base64");
    await refused("FORBIDDEN", () =>
      signNoticeBatch(ctx(officer), { batchId: batch.batchId, nonce: prepared.nonce, signature }),
    );
    expect(await signNoticeBatch(ctx(head), { batchId: batch.batchId, nonce: prepared.nonce, signature })).toEqual({
      signed: 1,
    });
    expect((await db.notice.findFirstOrThrow({ where: { batchId: batch.batchId } })).status).toBe("SIGNED");
    const stored = await db.noticeBatch.findUniqueOrThrow({ where: { id: batch.batchId } });
    expect(stored.signedDocumentId).not.toBeNull();
    expect(stored.signerName).toBe(head.fullName);
    await refused("NOTICE_BATCH_SIGNED", () =>
      signNoticeBatch(ctx(head), { batchId: batch.batchId, nonce: prepared.nonce, signature }),
    );
  });
});

describe("the register", () => {
  it("lists the ТЦК's people in keyset pages, filtered, and never another ТЦК's", async () => {
    const first = await listRegister(ctx(officer), { limit: 4 });
    expect(first.rows).toHaveLength(4);
    expect(first.nextAfter).toBe(first.rows[3]!.rnokpp);
    const second = await listRegister(ctx(officer), { limit: 4, after: first.nextAfter });
    expect(second.rows[0]!.rnokpp > first.nextAfter!).toBe(true);
    const all = await listRegister(ctx(officer), { limit: 200 });
    expectEvery(all.rows, (row) => row.tcc === TCC);
    expect(all.rows.map((row) => row.rnokpp)).not.toContain(people.foreign);
    const reserved = await listRegister(ctx(officer), { filter: { protection: "reserved" } });
    expect(reserved.rows.map((row) => row.rnokpp)).toEqual([people.reserved]);
    const deferred = await listRegister(ctx(officer), { filter: { protection: "deferred" } });
    expect(deferred.rows.map((row) => row.rnokpp)).toContain(people.deferred);
    const young = await listRegister(ctx(officer), { filter: { ageBand: "18-24" } });
    expect(young.rows.map((row) => row.rnokpp)).toEqual([people.young]);
    await expect(listRegister(ctx(officer), { filter: { status: "DEAD" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("audits every view of a person's record; another ТЦК's person is not found", async () => {
    const view = await getRegisterPerson(ctx(officer), { rnokpp: people.reserved });
    expect(view.row.reservation).not.toBeNull();
    expect(view.marks).toHaveLength(1);
    const audit = await db.auditLog.findMany({ where: { action: "register.person.view", entityId: people.reserved } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorRole).toBe("TCK_OFFICER");
    await expect(getRegisterPerson(ctx(officer), { rnokpp: people.foreign })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.auditLog.count({ where: { action: "register.person.view", entityId: people.foreign } })).toBe(0);
  });
});

describe("reservation wins, afterwards too", () => {
  it("a reservation decided while a mobilisation notice is undelivered withdraws it in the same transaction", async () => {
    const world = await createWorld(createCtx({ actor: null }), { serial: 731, employees: 3, limitCount: 3 });
    await db.militaryRegistration.updateMany({ where: { rnokpp: { in: world.employees } }, data: { tcc: TCC } });
    const formed = await formNotices(ctx(officer), mobilisation(world.employees));
    expect(formed.formed).toBe(3);
    const clarify = await formNotices(ctx(officer), { ...mobilisation([world.employees[0]!]), kind: "CLARIFY_DATA" });
    expect(clarify.formed).toBe(1);

    const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
      edrpou: world.edrpou,
      employees: [{ rnokpp: world.employees[0]! }],
    });
    const submitted = await submitApplication(createCtx({ actor: world.head.actor }), {
      draftId: draft.draftId,
      signature: sign(world.head.key!, draft.document),
    });
    const decided = await decideSubmittedApplication(createCtx({ actor: null }), {
      applicationId: submitted.applicationId,
    });
    expect(decided).toMatchObject({ outcome: "decided", reserved: 1 });

    const notices = await db.notice.findMany({ where: { rnokpp: { in: world.employees } }, orderBy: { seq: "asc" } });
    const withdrawn = notices.filter((n) => n.status === "WITHDRAWN");
    expect(withdrawn.map((n) => [n.rnokpp, n.kind])).toEqual([[world.employees[0], "MOBILISATION"]]);
    expect(withdrawn[0]!.withdrawnReason).toContain("Особу заброньовано");
    // Only mobilisation notices are withdrawn; the others' stay.
    expect(notices.filter((n) => n.status !== "WITHDRAWN")).toHaveLength(3);
    const toPerson = await db.notification.findMany({
      where: { recipientRnokpp: world.employees[0]!, kind: "notice.withdrawn" },
    });
    expect(toPerson).toHaveLength(1);
    const toTcc = await db.notification.findMany({ where: { audience: "tck", kind: "notice.withdrawn" } });
    expect(toTcc.map((n) => n.recipientRnokpp).sort()).toEqual([officer.rnokpp, head.rnokpp].sort());
    expect(await db.auditLog.count({ where: { action: "notice.withdraw", entityId: withdrawn[0]!.id } })).toBe(1);

    // A person reserved now is refused when the ТЦК tries again.
    const again = await formNotices(ctx(officer), mobilisation([world.employees[0]!]));
    expect(again.refused[0]!.codes).toEqual(["RESERVED"]);
  });

  it("granting a deferment withdraws the undelivered mobilisation notice; a delivered one stays", async () => {
    const person = (await createPerson(db, { lastName: "Майбутній", birthDate: yearsAgo(36), military: { tcc: TCC } }))
      .rnokpp;
    const delivered = (await createPerson(db, { lastName: "Отримав", birthDate: yearsAgo(37), military: { tcc: TCC } }))
      .rnokpp;
    await formNotices(ctx(officer), mobilisation([person, delivered]));
    await db.notice.updateMany({ where: { rnokpp: delivered }, data: { status: "DELIVERED" } });
    expect(
      await grantDeferment(ctx(officer), {
        rnokpp: person,
        ground: "троє і більше дітей віком до 18 років",
        until: addDays(today, 180),
      }),
    ).toEqual({ withdrawn: 1 });
    expect(
      await grantDeferment(ctx(officer), { rnokpp: delivered, ground: "інвалідність", until: addDays(today, 180) }),
    ).toEqual({ withdrawn: 0 });
    expect((await db.notice.findFirstOrThrow({ where: { rnokpp: person } })).status).toBe("WITHDRAWN");
    expect((await db.notice.findFirstOrThrow({ where: { rnokpp: delivered } })).status).toBe("DELIVERED");
    const registration = await db.militaryRegistration.findUniqueOrThrow({ where: { rnokpp: person } });
    expect(registration.deferment).toBe("троє і більше дітей віком до 18 років");
    await expect(
      grantDeferment(ctx(otherOfficer), { rnokpp: person, ground: "інвалідність", until: addDays(today, 10) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      grantDeferment(ctx(officer), { rnokpp: person, ground: "інвалідність", until: today }),
    ).rejects.toMatchObject({ code: "DEFERMENT_INVALID" });
  });
});
