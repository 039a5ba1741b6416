import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db, type Db, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { registryFor } from "@/lib/registry";
import { getRegisterPerson } from "@/lib/tck/get-register-person";
import { setWantedStatus } from "@/lib/tck/set-wanted-status";
import { createPerson, createTcc, createUser } from "@/prisma/seed/factories";

// The officer's changes to a person's registry record against the real database: each one is
// written with its audit row and the person's notification in one transaction (a failed write
// leaves no notification), only for a person of the officer's own ТЦК, and bad input writes nothing.

const now = new Date();
const today = kyivDate(now);
const TCC = "Тестовий Новокодацький РТЦК та СП";
const OTHER_TCC = "Тестовий Самарський РТЦК та СП";

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
