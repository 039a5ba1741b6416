import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getMyNotice } from "@/lib/citizen/get-my-notice";
import { listMyNotices } from "@/lib/citizen/list-my-notices";
import { NOTICE_SENT_DISCLAIMER } from "@/lib/citizen/notice-view";
import { setNoticeAlerts } from "@/lib/citizen/set-notice-alerts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { formNotices } from "@/lib/notices/form-notices";
import { getNoticeEffects } from "@/lib/notices/get-notice-effects";
import { notifyNoticesSent } from "@/lib/notices/notify-notices-sent";
import { withdrawNoticesOnProtection } from "@/lib/notices/withdraw-notices-on-protection";
import { registryFor } from "@/lib/registry";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { grantDeferment } from "@/lib/tck/grant-deferment";
import {
  createAuthority,
  createEnterprise,
  createPerson,
  createReservationMark,
  createTcc,
  createUser,
} from "@/prisma/seed/factories";

// The citizen's side of notices against the real database: a person sees only their own notices
// (another's is 404), a protected person never has one, a withdrawn one shows why; the opt-in
// message reaches only those who turned it on and says it is not the notice; the ministry's
// counts of the guarantee at work.

const now = new Date();
const today = kyivDate(now);
const TCC = "Тестовий Індустріальний РТЦК та СП";
const OTHER_TCC = "Тестовий Бучанський РТЦК та СП";

let appearDate = addDays(today, 3);
while ([0, 6].includes(isoDateToUtc(appearDate).getUTCDay())) appearDate = addDays(appearDate, 1);

const ctx = (actor: Actor | null) => ({ actor: actor as Actor, db, registry: registryFor(db), now });
const yearsAgo = (years: number) => addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, -10);
const conscript = (rnokpp: string): Actor =>
  ({ userId: null, rnokpp, fullName: "Громадянин", role: "CONSCRIPT", via: "password" }) as Actor;
const form = (actor: Actor, rnokpps: string[], kind = "MOBILISATION") =>
  formNotices(ctx(actor), {
    kind,
    appearDate,
    appearTime: "10:00",
    place: "м. Дніпро, вул. Тестова, 3, каб. 7",
    selection: { by: "people", rnokpps },
  });

let officer: Actor;
let otherOfficer: Actor;
let ministryOfficial: Actor;
let regionOfficial: Actor;
const people: Record<"first" | "second" | "reserved" | "deferLater" | "reserveLater" | "elsewhere", string> =
  {} as never;

async function failure(work: () => Promise<unknown>): Promise<AppError> {
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  await createTcc(db, { name: TCC, edrpou: "80000031", region: "Дніпропетровська область" });
  await createTcc(db, { name: OTHER_TCC, edrpou: "80000048", region: "Київська область" });
  const officerUser = await createUser(db, {
    role: "TCK_OFFICER",
    tcc: TCC,
    fullName: "Офіцер Перший Іванович",
    email: null,
  });
  officer = {
    userId: officerUser.user.id,
    rnokpp: officerUser.user.rnokpp,
    fullName: "Офіцер Перший Іванович",
    role: "TCK_OFFICER",
    tcc: TCC,
    via: "password",
  } as Actor;
  const otherUser = await createUser(db, {
    role: "TCK_OFFICER",
    tcc: OTHER_TCC,
    fullName: "Офіцер Другий Іванович",
    email: null,
  });
  otherOfficer = {
    userId: otherUser.user.id,
    rnokpp: otherUser.user.rnokpp,
    fullName: "Офіцер Другий Іванович",
    role: "TCK_OFFICER",
    tcc: OTHER_TCC,
    via: "password",
  } as Actor;
  const ministry = await createAuthority(db, { kind: "MINISTRY" });
  const ova = await createAuthority(db, { kind: "REGIONAL_ADMINISTRATION", region: "Київська область" });
  const m = await createUser(db, { role: "OFFICIAL", authorityId: ministry.id });
  ministryOfficial = {
    userId: m.user.id,
    rnokpp: m.user.rnokpp,
    fullName: "Посадовець",
    role: "OFFICIAL",
    authorityId: ministry.id,
    via: "password",
  } as Actor;
  const o = await createUser(db, { role: "OFFICIAL", authorityId: ova.id });
  regionOfficial = {
    userId: o.user.id,
    rnokpp: o.user.rnokpp,
    fullName: "Посадовець ОВА",
    role: "OFFICIAL",
    authorityId: ova.id,
    via: "password",
  } as Actor;

  const enterprise = await createEnterprise(db);
  const at = { tcc: TCC };
  people.first = (await createPerson(db, { lastName: "Перший", birthDate: yearsAgo(30), military: at })).rnokpp;
  people.second = (await createPerson(db, { lastName: "Другий", birthDate: yearsAgo(31), military: at })).rnokpp;
  people.reserved = (
    await createPerson(db, { lastName: "Заброньований", birthDate: yearsAgo(40), military: at })
  ).rnokpp;
  await createReservationMark(db, {
    rnokpp: people.reserved,
    edrpou: enterprise.edrpou,
    fromDate: addDays(today, -30),
    untilDate: addDays(today, 200),
  });
  people.deferLater = (
    await createPerson(db, { lastName: "Відстрочка", birthDate: yearsAgo(33), military: at })
  ).rnokpp;
  people.reserveLater = (await createPerson(db, { lastName: "Бронь", birthDate: yearsAgo(34), military: at })).rnokpp;
  people.elsewhere = (
    await createPerson(db, { lastName: "Київський", birthDate: yearsAgo(35), military: { tcc: OTHER_TCC } })
  ).rnokpp;

  await form(officer, [people.first, people.second, people.reserved, people.deferLater, people.reserveLater]);
  await form(officer, [people.first], "VLK");
  await form(otherOfficer, [people.elsewhere]);
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the citizen's notices", () => {
  it("lists only the person's own notices, newest first, with number, kind, time, place and status", async () => {
    const mine = await listMyNotices(ctx(conscript(people.first)));
    expect(mine.noticeSentAlerts).toBe(false);
    expect(mine.notices.map((n) => [n.kind, n.status, n.tcc])).toEqual([
      ["VLK", "FORMED", TCC],
      ["MOBILISATION", "FORMED", TCC],
    ]);
    const stored = await db.notice.findMany({ where: { rnokpp: people.first } });
    expect(new Set(mine.notices.map((n) => n.id))).toEqual(new Set(stored.map((n) => n.id)));
    expect(mine.notices[0]!.number).toMatch(/^П-\d{4}\/\d{6}$/);
    expect(mine.notices[0]!.kindLabel).toBe("Для проходження військово-лікарської комісії");
    expect(mine.notices[0]!.place).toBe("м. Дніпро, вул. Тестова, 3, каб. 7");
    expect(mine.notices[0]!.statusLabel).toBe("Сформовано, очікує підпису");
  });

  it("has nothing for a reserved person: the notice was refused when it was formed", async () => {
    expect((await listMyNotices(ctx(conscript(people.reserved)))).notices).toEqual([]);
    expect(await db.noticeRefusal.count({ where: { rnokpp: people.reserved, reasons: { has: "RESERVED" } } })).toBe(1);
  });

  it("refuses another citizen's notice as not found, a malformed reference and other roles", async () => {
    const [theirs] = await db.notice.findMany({ where: { rnokpp: people.second }, select: { id: true } });
    expect((await getMyNotice(ctx(conscript(people.second)), { noticeId: theirs!.id })).status).toBe("FORMED");
    const foreign = await failure(() => getMyNotice(ctx(conscript(people.first)), { noticeId: theirs!.id }));
    expect([foreign.code, foreign.status]).toEqual(["NOT_FOUND", 404]);
    const bad = await failure(() => getMyNotice(ctx(conscript(people.first)), { noticeId: "../../tck/notices" }));
    expect([bad.code, bad.status]).toEqual(["VALIDATION_FAILED", 400]);
    expect(bad.message).toBe("Невірне посилання на повістку");
    expect((await failure(() => getMyNotice(ctx(conscript(people.first)), {}))).status).toBe(400);
    expect((await failure(() => getMyNotice(ctx(officer), { noticeId: theirs!.id }))).code).toBe("FORBIDDEN");
    expect((await failure(() => listMyNotices(ctx(ministryOfficial)))).code).toBe("FORBIDDEN");
    expect((await failure(() => listMyNotices(ctx(null)))).code).toBe("UNAUTHENTICATED");
  });

  it("shows a notice withdrawn after a deferment with the reason", async () => {
    await grantDeferment(ctx(officer), {
      rnokpp: people.deferLater,
      ground: "навчання у закладі освіти",
      until: addDays(today, 300),
    });
    const [notice] = (await listMyNotices(ctx(conscript(people.deferLater)))).notices;
    expect(notice).toMatchObject({
      status: "WITHDRAWN",
      statusLabel: "Відкликано",
      withdrawnReason: "Особі надано відстрочку (навчання у закладі освіти)",
    });
    expect(notice!.statusMeaning).toMatch(/з'являтися за нею не потрібно/);
    const told = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: people.deferLater, kind: "notice.withdrawn" },
    });
    expect(told.link).toBe("/me/notices");
  });
});

describe("the opt-in «Повідомляти, коли ТЦК надішле повістку поштою»", () => {
  it("refuses bad input and other roles, writing nothing", async () => {
    for (const input of [{}, { enabled: "yes" }, { enabled: true }, null]) {
      const error = await failure(() => setNoticeAlerts(ctx(conscript(people.first)), input));
      expect(error.status).toBe(400);
    }
    expect((await failure(() => setNoticeAlerts(ctx(officer), { enabled: "true" }))).code).toBe("FORBIDDEN");
    expect(await db.citizenPreference.count()).toBe(0);
  });

  it("tells only those who opted in, when the notice is sent, and says it is not the notice", async () => {
    expect(await setNoticeAlerts(ctx(conscript(people.first)), { enabled: "true" })).toEqual({ enabled: true });
    expect((await listMyNotices(ctx(conscript(people.first)))).noticeSentAlerts).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "preferences.update", entityId: people.first },
    });
    expect(audit.details).toEqual({ noticeSentAlerts: true });

    const notices = await db.notice.findMany({
      where: { rnokpp: { in: [people.first, people.second] }, kind: "MOBILISATION" },
      select: { id: true, rnokpp: true },
    });
    const vlk = await db.notice.findFirstOrThrow({
      where: { rnokpp: people.first, kind: "VLK" },
      select: { id: true },
    });
    // Not sent yet: nothing is said.
    expect(
      await db.$transaction((tx) => notifyNoticesSent({ db: tx, now }, { noticeIds: notices.map((n) => n.id) })),
    ).toBe(0);
    await db.notice.updateMany({
      where: { id: { in: notices.map((n) => n.id) } },
      data: { status: "SENT", trackingNumber: null },
    });
    await db.notice.update({
      where: { id: notices.find((n) => n.rnokpp === people.first)!.id },
      data: { trackingNumber: "RR123456785UA" },
    });
    const sent = await db.$transaction((tx) =>
      notifyNoticesSent({ db: tx, now }, { noticeIds: [...notices.map((n) => n.id), vlk.id] }),
    );
    expect(sent).toBe(1);
    const message = await db.notification.findFirstOrThrow({
      where: { recipientRnokpp: people.first, kind: "notice.sent" },
    });
    expect(message.title).toBe("ТЦК надіслав вам повістку поштою");
    expect(message.body).toContain("RR123456785UA");
    expect(message.body).toContain(NOTICE_SENT_DISCLAIMER);
    expect(message.body).toMatch(/не є повісткою.*не є врученням/);
    expect(await db.notification.count({ where: { recipientRnokpp: people.second, kind: "notice.sent" } })).toBe(0);

    await setNoticeAlerts(ctx(conscript(people.first)), { enabled: "false" });
    expect(
      await db.$transaction((tx) => notifyNoticesSent({ db: tx, now }, { noticeIds: notices.map((n) => n.id) })),
    ).toBe(0);
  });
});

describe("the ministry's counts of notices", () => {
  it("counts formed, refused because of a reservation, withdrawn after a reservation, delivered", async () => {
    const before = await getNoticeEffects(ctx(ministryOfficial));
    await db.$transaction((tx) =>
      withdrawNoticesOnProtection(
        { db: tx, now },
        { rnokpps: [people.reserveLater], cause: { kind: "RESERVED", enterpriseName: "ТОВ «Тест»" } },
      ),
    );
    await db.notice.updateMany({
      where: { rnokpp: people.second, kind: "MOBILISATION" },
      data: { status: "DELIVERED" },
    });
    const after = await getNoticeEffects(ctx(ministryOfficial));
    expect(after).toEqual({
      scope: "COUNTRY",
      region: null,
      formed: 6,
      refused: 1,
      refusedReserved: 1,
      withdrawnReserved: before.withdrawnReserved + 1,
      withdrawnDeferred: 1,
      delivered: before.delivered + 1,
    });
    expect(after.withdrawnReserved).toBe(1);
    expect(after.delivered).toBe(1);
    expect((await db.notice.findFirstOrThrow({ where: { rnokpp: people.reserveLater } })).withdrawnCause).toBe(
      "RESERVED",
    );
  });

  it("shows a regional administration the ТЦК of its region only, and refuses other roles", async () => {
    expect(await getNoticeEffects(ctx(regionOfficial))).toEqual({
      scope: "REGION",
      region: "Київська область",
      formed: 1,
      refused: 0,
      refusedReserved: 0,
      withdrawnReserved: 0,
      withdrawnDeferred: 0,
      delivered: 0,
    });
    expect((await failure(() => getNoticeEffects(ctx(officer)))).code).toBe("FORBIDDEN");
    expect((await failure(() => getNoticeEffects(ctx(conscript(people.first))))).code).toBe("FORBIDDEN");
  });
});
