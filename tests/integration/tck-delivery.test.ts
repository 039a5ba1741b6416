import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { formNotices } from "@/lib/notices/form-notices";
import { importPostalReport } from "@/lib/notices/import-postal-report";
import { listOverdueNotices } from "@/lib/notices/list-overdue-notices";
import { noticeNumber } from "@/lib/notices/notice-number";
import { prepareBatchSigning } from "@/lib/notices/prepare-batch-signing";
import { signNoticeBatch } from "@/lib/notices/sign-notice-batch";
import { verifyNotice } from "@/lib/notices/verify-notice";
import { withdrawNoticesOnProtection } from "@/lib/notices/withdraw-notices-on-protection";
import { registryFor } from "@/lib/registry";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { createPerson, createTcc, createUser } from "@/prisma/seed/factories";

// Delivery as the post reports it, the overdue list and the public check by QR, against the real
// database: a bad postal CSV is refused whole with its line numbers and writes nothing.

const now = new Date();
const today = kyivDate(now);
const TCC = "Тестовий Соборний РТЦК та СП";
const OTHER_TCC = "Тестовий Чечелівський РТЦК та СП";
const ctx = (actor: Actor | null) => ({ actor: actor as Actor, db, registry: registryFor(db), now });
const yearsAgo = (years: number) => addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, 0);
const dmy = (iso: string) => iso.split("-").reverse().join(".");

function nextWorkingDay(): string {
  let day = addDays(today, 2);
  while ([0, 6].includes(isoDateToUtc(day).getUTCDay())) day = addDays(day, 1);
  return day;
}

let officer: Actor;
let head: Actor;
let otherOfficer: Actor;
let notices: Array<{ id: string; number: string; code: string; fullName: string }> = [];
let otherNotice: { number: string };

async function tckUser(role: "TCK_OFFICER" | "TCK_HEAD", tcc: string, fullName: string): Promise<Actor> {
  const { user } = await createUser(db, { role, tcc, fullName, email: null });
  return { userId: user.id, rnokpp: user.rnokpp, fullName, role, tcc, via: "password" } as Actor;
}

async function formAndSign(
  officerActor: Actor,
  headActor: Actor,
  tcc: { name: string; edrpou: string },
  lastNames: string[],
) {
  const rnokpps: string[] = [];
  for (const lastName of lastNames)
    rnokpps.push((await createPerson(db, { lastName, birthDate: yearsAgo(35), military: { tcc: tcc.name } })).rnokpp);
  const batch = await formNotices(ctx(officerActor), {
    kind: "MOBILISATION",
    appearDate: nextWorkingDay(),
    appearTime: "09:00",
    place: "м. Дніпро, вул. Тестова, 1",
    selection: { by: "people", rnokpps },
  });
  const prepared = await prepareBatchSigning(ctx(headActor), { batchId: batch.batchId });
  const key = openKeyFile(
    (
      await issueCertificate(
        { db, now },
        {
          rnokpp: headActor.rnokpp!,
          fullName: headActor.fullName,
          password: "Tck-Key-Pass1",
          edrpou: tcc.edrpou,
          organization: tcc.name,
          title: "Начальник",
        },
      )
    ).p12,
    "Tck-Key-Pass1",
  );
  const signature = Buffer.from(signDetached(key, Buffer.from(prepared.document, "base64"))).toString("base64");
  await signNoticeBatch(ctx(headActor), { batchId: batch.batchId, nonce: prepared.nonce, signature });
  const rows = await db.notice.findMany({ where: { batchId: batch.batchId }, orderBy: { seq: "asc" } });
  return rows.map((n) => ({ id: n.id, number: noticeNumber(n.seq, n.createdAt), code: n.code, fullName: n.fullName }));
}

const csv = (...lines: string[]) => ["Трек-номер;Номер повістки;Статус;Дата", ...lines].join("\n");

async function snapshot() {
  const [rows, audit] = await Promise.all([
    db.notice.findMany({ select: { id: true, status: true, trackingNumber: true }, orderBy: { id: "asc" } }),
    db.auditLog.count(),
  ]);
  return { rows, audit };
}

async function refusedWhole(input: unknown, actor: Actor = officer) {
  const before = await snapshot();
  const error = await importPostalReport(ctx(actor), input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBeGreaterThanOrEqual(400);
  expect((error as AppError).status).toBeLessThan(500);
  expect(await snapshot()).toEqual(before);
  return error as AppError;
}

beforeAll(async () => {
  await createTcc(db, { name: TCC, edrpou: "80000014" });
  await createTcc(db, { name: OTHER_TCC, edrpou: "80000020" });
  officer = await tckUser("TCK_OFFICER", TCC, "Шевчук Олександр Романович");
  head = await tckUser("TCK_HEAD", TCC, "Мороз Василь Григорович");
  otherOfficer = await tckUser("TCK_OFFICER", OTHER_TCC, "Інший Офіцер Іванович");
  const otherHead = await tckUser("TCK_HEAD", OTHER_TCC, "Інший Начальник Петрович");
  notices = await formAndSign(officer, head, { name: TCC, edrpou: "80000014" }, ["Перший", "Другий", "Третій"]);
  otherNotice = (await formAndSign(otherOfficer, otherHead, { name: OTHER_TCC, edrpou: "80000020" }, ["Чужий"]))[0]!;
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the post's CSV report", () => {
  it("previews, then applies sent and delivered in one transaction with one audit row", async () => {
    const [first, second] = notices as [(typeof notices)[0], (typeof notices)[0]];
    const sent = csv(
      `RB000000001UA;${first.number};прийнято;${dmy(today)}`,
      `RB000000002UA;${second.number};прийнято;${today}`,
    );
    const preview = await importPostalReport(ctx(officer), { csv: sent, apply: false });
    expect(preview).toMatchObject({ applied: false, problems: [] });
    expect(preview.changes.map((c) => [c.line, c.number, c.from, c.to])).toEqual([
      [2, first.number, "SIGNED", "SENT"],
      [3, second.number, "SIGNED", "SENT"],
    ]);
    expect((await db.notice.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("SIGNED");

    const audit = await db.auditLog.count({ where: { action: "notice.delivery" } });
    expect((await importPostalReport(ctx(officer), { csv: sent, apply: true })).applied).toBe(true);
    expect(await db.notice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "SENT",
      trackingNumber: "RB000000001UA",
    });
    expect(await db.auditLog.count({ where: { action: "notice.delivery" } })).toBe(audit + 1);

    await importPostalReport(ctx(officer), { csv: csv(`rb000000001ua;;вручено;${dmy(today)}`), apply: true });
    expect((await db.notice.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("DELIVERED");
  });

  it("refuses the whole file with Ukrainian messages and line numbers: unknown tracking, duplicate, bad rows, wrong transitions", async () => {
    const [first, second, third] = notices as [(typeof notices)[0], (typeof notices)[0], (typeof notices)[0]];
    const file = csv(
      `RB000000003UA;${third.number};прийнято;${dmy(today)}`, // fine on its own
      `RB999999999UA;;вручено;${dmy(today)}`, // unknown tracking number
      `RB000000003UA;;вручено;${dmy(today)}`, // duplicate of line 2
      `RB000000004UA;${otherNotice.number};прийнято;${dmy(today)}`, // another ТЦК's notice
      `RB000000005UA;П-2026/999999;прийнято;${dmy(today)}`, // unknown notice
      `RB000000006UA;${first.number};прийнято;${dmy(today)}`, // already delivered
      `RB000000002UA;;загублено;${dmy(today)}`, // unknown status
      `RB000000002UA;;вручено;31.02.2026`, // no such date
      `RB000000001UA;${second.number};вручено;${dmy(today)}`, // the tracking number is another notice's
      `RB000000002UA_X;;вручено;${dmy(addDays(today, 3))}`, // bad tracking
      `RB000000007UA;;прийнято;${dmy(today)}`, // sent without a notice number
    );
    const preview = await importPostalReport(ctx(officer), { csv: file, apply: false });
    expect(preview.changes.map((c) => c.line)).toEqual([2]);
    const lines = preview.problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const at = (line: number) =>
      preview.problems
        .filter((p) => p.line === line)
        .map((p) => p.message)
        .join(" | ");
    expect(at(3)).toMatch(/Невідомий трек-номер RB999999999UA/);
    expect(at(4)).toMatch(/уже є в рядку 2/);
    expect(at(5)).toMatch(/не знайдено серед повісток цього ТЦК/);
    expect(at(6)).toMatch(/не знайдено серед повісток цього ТЦК/);
    expect(at(7)).toMatch(/Вручено.*неможливий/);
    expect(at(8)).toMatch(/Статус — прийнято, вручено, відмова або повернуто/);
    expect(at(9)).toMatch(/Дата «31.02.2026» не у форматі/);
    expect(at(10)).toMatch(/належить повістці/);
    expect(at(11)).toMatch(/Трек-номер — від 8 до 20/);
    expect(at(12)).toMatch(/вкажіть номер повістки/);

    const error = await refusedWhole({ csv: file, apply: true });
    expect(error.code).toBe("NOTICE_CSV_INVALID");
    expect(error.message).toMatch(/жодного рядка не записано/);
    expect((error.details as { problems: unknown[] }).problems.length).toBe(preview.problems.length);
  });

  it("refuses a date in the future or before signing, a bad file, and other roles; another ТЦК does not know our tracking numbers", async () => {
    const third = notices[2]!;
    const future = await importPostalReport(ctx(officer), {
      csv: csv(`RB000000003UA;${third.number};прийнято;${dmy(addDays(today, 1))}`),
      apply: false,
    });
    expect(future.problems).toEqual([{ line: 2, message: expect.stringMatching(/ще не настала/) }]);
    const early = await importPostalReport(ctx(officer), {
      csv: csv(`RB000000003UA;${third.number};прийнято;${dmy(addDays(today, -10))}`),
      apply: false,
    });
    expect(early.problems[0]?.message).toMatch(/раніша за підписання/);
    expect(
      (await importPostalReport(ctx(officer), { csv: "ПІБ;Адреса\nІванов;Дніпро", apply: false })).problems[0]?.message,
    ).toMatch(/бракує стовпців/);
    expect((await importPostalReport(ctx(officer), { csv: csv(), apply: false })).problems[0]?.message).toMatch(
      /немає жодного рядка/,
    );
    expect((await refusedWhole({ csv: "", apply: true })).code).toBe("VALIDATION_FAILED");
    expect((await refusedWhole({ csv: "x".repeat(1024 * 1024 + 1), apply: true })).code).toBe("VALIDATION_FAILED");
    expect(
      (await refusedWhole({ csv: csv(`RB000000009UA;${third.number};прийнято;${dmy(today)}`), apply: "yes" })).code,
    ).toBe("VALIDATION_FAILED");

    const elsewhere = await importPostalReport(ctx(otherOfficer), {
      csv: csv(`RB000000002UA;;вручено;${dmy(today)}`),
      apply: false,
    });
    expect(elsewhere.problems[0]?.message).toMatch(/Невідомий трек-номер/);
    const conscript = {
      userId: null,
      rnokpp: "1234567890",
      fullName: "Х",
      role: "CONSCRIPT",
      via: "diia",
    } as unknown as Actor;
    expect(
      (await refusedWhole({ csv: csv(`RB000000009UA;${third.number};прийнято;${dmy(today)}`), apply: true }, conscript))
        .code,
    ).toBe("FORBIDDEN");
  });

  it("a withdrawn notice is not sent", async () => {
    const person = (
      await createPerson(db, { lastName: "Відкликаний", birthDate: yearsAgo(36), military: { tcc: TCC } })
    ).rnokpp;
    const batch = await formNotices(ctx(officer), {
      kind: "MOBILISATION",
      appearDate: nextWorkingDay(),
      appearTime: "10:00",
      place: "м. Дніпро, вул. Тестова, 1",
      selection: { by: "people", rnokpps: [person] },
    });
    const notice = await db.notice.findFirstOrThrow({ where: { batchId: batch.batchId } });
    await db.$transaction((tx) =>
      withdrawNoticesOnProtection(
        { db: tx, now },
        { rnokpps: [person], cause: { kind: "DEFERRED", ground: "навчання" } },
      ),
    );
    const result = await importPostalReport(ctx(officer), {
      csv: csv(`RB000000010UA;${noticeNumber(notice.seq, notice.createdAt)};прийнято;${dmy(today)}`),
      apply: false,
    });
    expect(result.problems[0]?.message).toMatch(/Відкликано.*неможливий/);
  });
});

describe("overdue appearances", () => {
  it("lists this ТЦК's delivered and undelivered notices whose date has passed, not withdrawn ones or another ТЦК's", async () => {
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const overdue = await listOverdueNotices({ ...ctx(officer), now: later });
    const byNumber = new Map(overdue.map((n) => [n.number, n]));
    expect(byNumber.get(notices[0]!.number)).toMatchObject({ status: "DELIVERED", delivered: true });
    expect(byNumber.get(notices[1]!.number)).toMatchObject({ status: "SENT", delivered: false });
    expect(overdue.some((n) => n.status === "WITHDRAWN" || n.status === "FORMED")).toBe(false);
    expect(byNumber.has(otherNotice.number)).toBe(false);
    expect(await listOverdueNotices(ctx(officer))).toEqual([]);
  });
});

describe("the public check by QR", () => {
  it("valid with initials only, withdrawn without the reason's personal data, unknown for a forged or unsigned code", async () => {
    const first = notices[0]!;
    const valid = await verifyNotice({ db }, { code: first.code });
    expect(valid).toMatchObject({ status: "VALID", number: first.number, tcc: TCC });
    if (valid.status === "UNKNOWN") throw new Error("unreachable");
    expect(valid.initials).toMatch(/^П\. [^\s]\. [^\s]\.$/);
    expect(JSON.stringify(valid)).not.toMatch(/\d{10}/);
    expect(JSON.stringify(valid)).not.toContain(first.fullName);

    const person = (
      await createPerson(db, { lastName: "Заброньований", birthDate: yearsAgo(40), military: { tcc: TCC } })
    ).rnokpp;
    const [withdrawnNotice] = await formAndSignExisting(person);
    await db.$transaction((tx) =>
      withdrawNoticesOnProtection(
        { db: tx, now },
        { rnokpps: [person], cause: { kind: "RESERVED", enterpriseName: "ТОВ «Секретне підприємство»" } },
      ),
    );
    const withdrawn = await verifyNotice({ db }, { code: withdrawnNotice!.code });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(JSON.stringify(withdrawn)).not.toContain("Секретне");

    expect(
      await verifyNotice({ db }, { code: first.code.slice(0, -1) + (first.code.endsWith("A") ? "B" : "A") }),
    ).toEqual({ status: "UNKNOWN" });
    expect(await verifyNotice({ db }, { code: "'; DROP TABLE notices; --" })).toEqual({ status: "UNKNOWN" });
    const unsigned = await formNotices(ctx(officer), {
      kind: "VLK",
      appearDate: nextWorkingDay(),
      appearTime: "11:00",
      place: "м. Дніпро, вул. Тестова, 1",
      selection: {
        by: "people",
        rnokpps: [
          (await createPerson(db, { lastName: "Непідписаний", birthDate: yearsAgo(30), military: { tcc: TCC } }))
            .rnokpp,
        ],
      },
    });
    const unsignedNotice = await db.notice.findFirstOrThrow({ where: { batchId: unsigned.batchId } });
    expect(await verifyNotice({ db }, { code: unsignedNotice.code })).toEqual({ status: "UNKNOWN" });
  });
});

async function formAndSignExisting(rnokpp: string) {
  const batch = await formNotices(ctx(officer), {
    kind: "MOBILISATION",
    appearDate: nextWorkingDay(),
    appearTime: "12:00",
    place: "м. Дніпро, вул. Тестова, 1",
    selection: { by: "people", rnokpps: [rnokpp] },
  });
  const prepared = await prepareBatchSigning(ctx(head), { batchId: batch.batchId });
  const key = openKeyFile(
    (
      await issueCertificate(
        { db, now },
        {
          rnokpp: head.rnokpp!,
          fullName: head.fullName,
          password: "Tck-Key-Pass1",
          edrpou: "80000014",
          organization: TCC,
          title: "Начальник",
        },
      )
    ).p12,
    "Tck-Key-Pass1",
  );
  await signNoticeBatch(ctx(head), {
    batchId: batch.batchId,
    nonce: prepared.nonce,
    signature: Buffer.from(signDetached(key, Buffer.from(prepared.document, "base64"))).toString("base64"),
  });
  return db.notice.findMany({ where: { batchId: batch.batchId } });
}
