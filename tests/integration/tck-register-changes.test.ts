import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db, type Db, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, kyivDate } from "@/lib/format";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { registryFor } from "@/lib/registry";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { getRegisterPerson } from "@/lib/tck/get-register-person";
import { grantDeferment } from "@/lib/tck/grant-deferment";
import { recordDataUpdate } from "@/lib/tck/record-data-update";
import { referToVlk } from "@/lib/tck/refer-to-vlk";
import { setWantedStatus } from "@/lib/tck/set-wanted-status";
import { createPerson, createTcc, createUser } from "@/prisma/seed/factories";

// The officer's changes to a person's registry record against the real database: each one is
// written with its audit row and the person's notification in one transaction (a failed write
// leaves no notification), only for a person of the officer's own ТЦК, and bad input writes nothing.

const now = new Date();
const today = kyivDate(now);
const TCC = "Тестовий Новокодацький РТЦК та СП";
const OTHER_TCC = "Тестовий Самарський РТЦК та СП";

/** The next working day at least two days ahead, and the Saturday after it. */
let vlkDay = addDays(today, 2);
while ([0, 6].includes(isoDateToUtc(vlkDay).getUTCDay())) vlkDay = addDays(vlkDay, 1);
let saturday = vlkDay;
while (isoDateToUtc(saturday).getUTCDay() !== 6) saturday = addDays(saturday, 1);
/** The latest working day not after today: in the past for the rules, and not a weekend. */
let pastWorkingDay = today;
while ([0, 6].includes(isoDateToUtc(pastWorkingDay).getUTCDay())) pastWorkingDay = addDays(pastWorkingDay, -1);
const VLK_PLACE = "м. Дніпро, вул. Медична, 5, ВЛК";

let officer: Actor;
let head: Actor;
let otherOfficer: Actor;

const ctx = (actor: Actor | null, client: Db | DbTx = db) => ({
  actor: actor as Actor,
  db: client,
  registry: registryFor(client),
  now,
});
const conscript = (rnokpp: string): Actor =>
  ({ userId: null, rnokpp, fullName: "Громадянин", role: "CONSCRIPT", via: "password" }) as Actor;

async function tckUser(role: "TCK_OFFICER" | "TCK_HEAD", tcc: string, fullName: string): Promise<Actor> {
  const { user } = await createUser(db, { role, tcc, fullName, email: null });
  return { userId: user.id, rnokpp: user.rnokpp, fullName, role, tcc, via: "password" } as Actor;
}

async function failure(work: () => Promise<unknown>): Promise<AppError> {
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What a change writes for one person: their notifications, the audit rows about them, their record. */
async function written(rnokpp: string) {
  const [notifications, audit, registration] = await Promise.all([
    db.notification.findMany({ where: { recipientRnokpp: rnokpp }, orderBy: { createdAt: "asc" } }),
    db.auditLog.count({ where: { entityId: rnokpp, action: { not: "register.person.view" } } }),
    db.militaryRegistration.findUniqueOrThrow({ where: { rnokpp } }),
  ]);
  return { notifications, audit, registration };
}

beforeAll(async () => {
  await createTcc(db, { name: TCC, edrpou: "80000062", region: "Дніпропетровська область" });
  await createTcc(db, { name: OTHER_TCC, edrpou: "80000079", region: "Дніпропетровська область" });
  officer = await tckUser("TCK_OFFICER", TCC, "Офіцер Новокодацький");
  head = await tckUser("TCK_HEAD", TCC, "Начальник Новокодацький");
  otherOfficer = await tckUser("TCK_OFFICER", OTHER_TCC, "Офіцер Самарський");
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the wanted list", () => {
  it("puts a person on it and takes them off, each with one notification and one audit row", async () => {
    const { rnokpp } = await createPerson(db, { lastName: "Розшуканий", military: { tcc: TCC } });
    expect(await setWantedStatus(ctx(officer), { rnokpp, wanted: true, reason: "Неявка за повісткою" })).toEqual({
      wanted: true,
    });
    let after = await written(rnokpp);
    expect([after.registration.wanted, after.registration.status]).toEqual([true, "WANTED"]);
    expect(after.notifications.map((n) => [n.kind, n.audience, n.link])).toEqual([["register.wanted", "me", "/me"]]);
    expect(after.notifications[0]!.title).toBe("Вас оголошено в розшук ТЦК та СП");
    expect(after.notifications[0]!.body).toContain(`${TCC} ${formatDate(today)} оголосив вас у розшук`);
    expect(after.notifications[0]!.body).toContain("Підстава: Неявка за повісткою.");
    expect(after.notifications[0]!.body).toContain("Зверніться до");
    expect(after.audit).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: rnokpp, action: "register.wanted.declare" },
    });
    expect(audit.details).toMatchObject({ tcc: TCC, reason: "Неявка за повісткою" });
    // The officer's record page shows it.
    expect((await getRegisterPerson(ctx(officer), { rnokpp })).row.wanted).toBe(true);

    // The head of the same ТЦК takes the person off it.
    await setWantedStatus(ctx(head), { rnokpp, wanted: false, reason: "Особа з'явилася до ТЦК" });
    after = await written(rnokpp);
    expect([after.registration.wanted, after.registration.status]).toEqual([false, "ON_REGISTER"]);
    expect(after.notifications.map((n) => n.kind)).toEqual(["register.wanted", "register.wanted-lifted"]);
    expect(after.notifications[1]!.body).toContain("зняв вас із розшуку");
    expect(after.notifications[1]!.body).toContain("Нічого робити не потрібно");
    expect(after.audit).toBe(2);
    expect((await getRegisterPerson(ctx(officer), { rnokpp })).row.wanted).toBe(false);
  });

  it("refuses a change that is already so, a person off the register or serving, and criminal wanted", async () => {
    const wanted = (await createPerson(db, { military: { tcc: TCC, wanted: true } })).rnokpp;
    const free = (await createPerson(db, { military: { tcc: TCC } })).rnokpp;
    const removed = (await createPerson(db, { military: { tcc: TCC, status: "REMOVED" } })).rnokpp;
    const serving = (await createPerson(db, { military: { tcc: TCC, mobilisedOn: "2025-03-01" } })).rnokpp;
    const criminal = (await createPerson(db, { military: { tcc: TCC, wanted: true, wantedCriminal: true } })).rnokpp;
    const cases: Array<[string, boolean, RegExp]> = [
      [wanted, true, /вже перебуває в розшуку/],
      [free, false, /не перебуває в розшуку/],
      [removed, true, /не перебуває на військовому обліку/],
      [serving, true, /проходить військову службу/],
      [criminal, false, /кримінальному провадженні/],
    ];
    for (const [rnokpp, flag, message] of cases) {
      const before = await written(rnokpp);
      const error = await failure(() => setWantedStatus(ctx(officer), { rnokpp, wanted: flag, reason: "Перевірка" }));
      expect([error.code, error.status]).toEqual(["REGISTER_CHANGE_REFUSED", 409]);
      expect(error.message).toMatch(message);
      expect(await written(rnokpp)).toEqual(before);
    }
  });

  it("refuses another ТЦК's person as not found and every other role, writing nothing", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    const input = { rnokpp, wanted: true, reason: "Неявка за повісткою" };
    const foreign = await failure(() => setWantedStatus(ctx(otherOfficer), input));
    expect([foreign.code, foreign.status]).toEqual(["NOT_FOUND", 404]);
    expect((await failure(() => setWantedStatus(ctx(conscript(rnokpp)), input))).code).toBe("FORBIDDEN");
    expect((await failure(() => setWantedStatus(ctx(null), input))).code).toBe("UNAUTHENTICATED");
    // Someone the registry does not know at all.
    expect((await failure(() => setWantedStatus(ctx(officer), { ...input, rnokpp: "1000000009" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await written(rnokpp)).toEqual(before);
  });

  it("answers bad input in Ukrainian and writes nothing", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    const noReason = await failure(() => setWantedStatus(ctx(officer), { rnokpp, wanted: true, reason: "   " }));
    expect([noReason.code, noReason.status]).toEqual(["VALIDATION_FAILED", 400]);
    expect(noReason.fields?.reason).toBe("Вкажіть підставу (щонайменше 5 символів)");
    const long = await failure(() => setWantedStatus(ctx(officer), { rnokpp, wanted: true, reason: "х".repeat(501) }));
    expect(long.fields?.reason).toBe("Підстава — не довше 500 символів");
    const noAction = await failure(() => setWantedStatus(ctx(officer), { rnokpp, wanted: "так", reason: "Неявка" }));
    expect(noAction.fields?.wanted).toBe("Оберіть дію: оголосити в розшук чи зняти з розшуку");
    expect(
      (await failure(() => setWantedStatus(ctx(officer), { rnokpp: "12345", wanted: true, reason: "Неявка" }))).status,
    ).toBe(400);
    expect(await written(rnokpp)).toEqual(before);
  });

  it("writes the notification in the change's transaction: a rollback leaves neither", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    await expect(
      db.$transaction(async (tx) => {
        await setWantedStatus(ctx(officer, tx), { rnokpp, wanted: true, reason: "Неявка" });
        expect(await tx.notification.count({ where: { recipientRnokpp: rnokpp } })).toBe(1);
        throw new Error("a later write of the same transaction failed");
      }),
    ).rejects.toThrow("a later write");
    expect(await written(rnokpp)).toEqual(before);
  });

  it("changes the record once when two officers press at the same moment", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const results = await Promise.allSettled([
      setWantedStatus(ctx(officer), { rnokpp, wanted: true, reason: "Неявка за повісткою" }),
      setWantedStatus(ctx(head), { rnokpp, wanted: true, reason: "Неявка за повісткою" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("REGISTER_CHANGE_REFUSED");
    const after = await written(rnokpp);
    expect(after.notifications.map((n) => n.kind)).toEqual(["register.wanted"]);
    expect(after.audit).toBe(1);
  });
});

describe("the electronic referral to the ВЛК", () => {
  it("records the date, time and place, tells the person once, and the record page and /me show it", async () => {
    const { rnokpp } = await createPerson(db, { lastName: "Направлений", military: { tcc: TCC } });
    const result = await referToVlk(ctx(officer), { rnokpp, date: vlkDay, time: "10:30", place: ` ${VLK_PLACE} ` });
    expect(formatDateTime(result.at)).toBe(`${formatDate(vlkDay)} 10:30`);
    expect(result.place).toBe(VLK_PLACE);
    const after = await written(rnokpp);
    expect(after.registration.vlkReferralAt?.toISOString()).toBe(result.at.toISOString());
    expect(after.registration.vlkReferralPlace).toBe(VLK_PLACE);
    expect(after.notifications.map((n) => [n.kind, n.audience, n.link, n.title])).toEqual([
      ["register.vlk-referral", "me", "/me", "Вас направлено на ВЛК"],
    ]);
    expect(after.notifications[0]!.body).toContain(`З'явіться ${formatDate(vlkDay)} 10:30 за адресою: ${VLK_PLACE}.`);
    expect(after.audit).toBe(1);
    const referral = { at: result.at.toISOString(), place: VLK_PLACE };
    expect((await getRegisterPerson(ctx(officer), { rnokpp })).row.vlkReferral).toEqual(referral);
    expect((await registryFor(db).findPerson(rnokpp))?.military?.vlkReferral).toEqual(referral);
  });

  it("refuses a day in the past, a weekend, hours outside work, bad fields, writing nothing", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    const input = { rnokpp, date: vlkDay, time: "10:00", place: VLK_PLACE };
    const past = await failure(() => referToVlk(ctx(officer), { ...input, date: pastWorkingDay }));
    expect([past.code, past.status, past.message]).toEqual([
      "VLK_REFERRAL_INVALID",
      400,
      "Дата явки має бути пізнішою за сьогоднішню",
    ]);
    expect((await failure(() => referToVlk(ctx(officer), { ...input, date: saturday }))).message).toBe(
      "Дата явки має припадати на робочий день (понеділок — п'ятниця)",
    );
    expect((await failure(() => referToVlk(ctx(officer), { ...input, time: "18:30" }))).message).toMatch(
      /робочі години ТЦК/,
    );
    const noPlace = await failure(() => referToVlk(ctx(officer), { ...input, place: " " }));
    expect([noPlace.code, noPlace.fields?.place]).toEqual(["VALIDATION_FAILED", "Вкажіть місце проходження ВЛК"]);
    const badTime = await failure(() => referToVlk(ctx(officer), { ...input, time: "25:00" }));
    expect(badTime.fields?.time).toBe("Вкажіть час явки (ГГ:ХХ)");
    expect((await failure(() => referToVlk(ctx(officer), { rnokpp }))).status).toBe(400);
    expect(await written(rnokpp)).toEqual(before);
  });

  it("refuses another ТЦК's person, other roles, someone off the register or serving, writing nothing", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const removed = (await createPerson(db, { military: { tcc: TCC, status: "EXCLUDED" } })).rnokpp;
    const serving = (await createPerson(db, { military: { tcc: TCC, mobilisedOn: "2025-05-01" } })).rnokpp;
    const before = await Promise.all([rnokpp, removed, serving].map(written));
    const input = { rnokpp, date: vlkDay, time: "10:00", place: VLK_PLACE };
    const foreign = await failure(() => referToVlk(ctx(otherOfficer), input));
    expect([foreign.code, foreign.status]).toEqual(["NOT_FOUND", 404]);
    expect((await failure(() => referToVlk(ctx(conscript(rnokpp)), input))).code).toBe("FORBIDDEN");
    expect((await failure(() => referToVlk(ctx(officer), { ...input, rnokpp: removed }))).message).toMatch(
      /не перебуває на військовому обліку/,
    );
    expect((await failure(() => referToVlk(ctx(officer), { ...input, rnokpp: serving }))).message).toMatch(
      /проходить військову службу/,
    );
    expect(await Promise.all([rnokpp, removed, serving].map(written))).toEqual(before);
  });

  it("writes the notification in the referral's transaction: a rollback leaves neither", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    await expect(
      db.$transaction(async (tx) => {
        await referToVlk(ctx(head, tx), { rnokpp, date: vlkDay, time: "09:00", place: VLK_PLACE });
        throw new Error("a later write of the same transaction failed");
      }),
    ).rejects.toThrow("a later write");
    expect(await written(rnokpp)).toEqual(before);
  });
});

describe("updated military-registration data recorded by the ТЦК", () => {
  const update = {
    phone: "067 123 45 67",
    email: "",
    address: "  м. Дніпро,   вул. Нова, 10, кв. 4 ",
    rank: "солдат",
    specialty: "100915 — стрілець",
  };

  it("writes the data dated today, tells the person once with the date and what changed", async () => {
    const { rnokpp } = await createPerson(db, {
      military: { tcc: TCC, dataUpdatedOn: "2024-06-10" },
      email: "old@example.com",
    });
    expect(await recordDataUpdate(ctx(officer), { rnokpp, ...update })).toEqual({
      changed: ["phone", "email", "address", "rank", "specialty"],
      dataUpdatedOn: today,
    });
    const person = await registryFor(db).findPerson(rnokpp);
    expect(person).toMatchObject({ phone: "+380671234567", email: null, address: "м. Дніпро, вул. Нова, 10, кв. 4" });
    expect(person?.military).toMatchObject({ rank: "солдат", specialty: "100915 — стрілець", dataUpdatedOn: today });
    const after = await written(rnokpp);
    expect(after.notifications.map((n) => [n.kind, n.audience, n.link, n.title])).toEqual([
      ["register.data-updated", "me", "/me", "Ваші військово-облікові дані оновлено"],
    ]);
    expect(after.notifications[0]!.body).toContain(`дата уточнення — ${formatDate(today)}`);
    expect(after.notifications[0]!.body).toContain(
      "Змінено: телефон, електронну пошту, адресу проживання, військове звання, ВОС.",
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: rnokpp, action: "register.data.update" } });
    expect(audit.details).toMatchObject({ tcc: TCC, dataUpdatedOn: today });
    // Which fields changed, not their values.
    expect(JSON.stringify(audit.details)).not.toContain("Нова");
    expect((await getRegisterPerson(ctx(officer), { rnokpp })).row.dataUpdatedOn).toBe(today);

    // The same data again: confirmed without changes, still dated and told.
    expect((await recordDataUpdate(ctx(head), { rnokpp, ...update })).changed).toEqual([]);
    const again = await written(rnokpp);
    expect(again.notifications).toHaveLength(2);
    expect(again.notifications[1]!.body).toContain("Дані підтверджено без змін.");
  });

  it("answers bad input in Ukrainian and refuses another ТЦК's person and other roles, writing nothing", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    const person = await registryFor(db).findPerson(rnokpp);
    const badPhone = await failure(() => recordDataUpdate(ctx(officer), { rnokpp, ...update, phone: "+4412345" }));
    expect([badPhone.code, badPhone.status, badPhone.fields?.phone]).toEqual([
      "VALIDATION_FAILED",
      400,
      "Номер телефону має бути у форматі +380XXXXXXXXX",
    ]);
    expect(
      (await failure(() => recordDataUpdate(ctx(officer), { rnokpp, ...update, address: "Київ" }))).fields?.address,
    ).toMatch(/щонайменше 10 символів/);
    expect(
      (await failure(() => recordDataUpdate(ctx(officer), { rnokpp, ...update, rank: "р".repeat(61) }))).fields?.rank,
    ).toBe("Військове звання — не довше 60 символів");
    expect((await failure(() => recordDataUpdate(ctx(officer), { rnokpp, ...update, extra: "x" }))).code).toBe(
      "UNKNOWN_FIELD",
    );
    const foreign = await failure(() => recordDataUpdate(ctx(otherOfficer), { rnokpp, ...update }));
    expect([foreign.code, foreign.status]).toEqual(["NOT_FOUND", 404]);
    expect((await failure(() => recordDataUpdate(ctx(conscript(rnokpp)), { rnokpp, ...update }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await written(rnokpp)).toEqual(before);
    expect(await registryFor(db).findPerson(rnokpp)).toEqual(person);
  });

  it("writes the notification in the update's transaction: a rollback leaves neither", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const before = await written(rnokpp);
    const person = await registryFor(db).findPerson(rnokpp);
    await expect(
      db.$transaction(async (tx) => {
        await recordDataUpdate(ctx(officer, tx), { rnokpp, ...update });
        throw new Error("a later write of the same transaction failed");
      }),
    ).rejects.toThrow("a later write");
    expect(await written(rnokpp)).toEqual(before);
    expect(await registryFor(db).findPerson(rnokpp)).toEqual(person);
  });
});

describe("a deferment granted", () => {
  it("tells the person once, in the grant's transaction, what changed and what to do", async () => {
    const { rnokpp } = await createPerson(db, { military: { tcc: TCC } });
    const until = addDays(today, 120);
    const before = await written(rnokpp);
    await expect(
      db.$transaction(async (tx) => {
        await grantDeferment(ctx(officer, tx), { rnokpp, ground: "інвалідність", until });
        throw new Error("a later write of the same transaction failed");
      }),
    ).rejects.toThrow("a later write");
    expect(await written(rnokpp)).toEqual(before);

    await grantDeferment(ctx(officer), { rnokpp, ground: "інвалідність", until });
    const after = await written(rnokpp);
    expect(after.notifications.map((n) => [n.kind, n.audience, n.link, n.title])).toEqual([
      ["deferment.granted", "me", "/me", "Вам надано відстрочку"],
    ]);
    expect(after.notifications[0]!.body).toContain(`інвалідність, до ${formatDate(until)}`);
    expect(after.notifications[0]!.body).toContain("сформуйте новий — він покаже відстрочку");
  });
});
