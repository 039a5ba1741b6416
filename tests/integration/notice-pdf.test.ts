import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { formNotices } from "@/lib/notices/form-notices";
import { noticeNumber } from "@/lib/notices/notice-number";
import { noticeVerifyUrl } from "@/lib/notices/notice-verify-url";
import { prepareBatchSigning } from "@/lib/notices/prepare-batch-signing";
import { renderNoticeBatchPdf } from "@/lib/notices/render-notice-batch-pdf";
import { renderNoticePdf } from "@/lib/notices/render-notice-pdf";
import { signNoticeBatch } from "@/lib/notices/sign-notice-batch";
import { verifyNotice } from "@/lib/notices/verify-notice";
import { withdrawNoticesOnProtection } from "@/lib/notices/withdraw-notices-on-protection";
import { registryFor } from "@/lib/registry";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { createPerson, createTcc, createUser } from "@/prisma/seed/factories";
import { readPdf } from "./pdf-reader";

// The printed notices against the real database: the signed batch as one PDF (a page per notice,
// each with its own QR code of its absolute check URL), one notice's PDF for its ТЦК and for the
// citizen it is addressed to; everyone else finds nothing, an unsigned batch prints nothing, and
// only downloads that happened are audited.

const now = new Date();
const today = kyivDate(now);
const TCC = { name: "Тестовий Шевченківський РТЦК та СП", edrpou: "80000037", address: "м. Львів, вул. Друкарська, 5" };
const OTHER_TCC = { name: "Тестовий Франківський РТЦК та СП", edrpou: "80000043", address: "м. Львів, вул. Інша, 9" };
const ctx = (actor: Actor | null, at = now) => ({ actor: actor as Actor, db, registry: registryFor(db), now: at });
const yearsAgo = (years: number) => addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, -10);
const conscript = (rnokpp: string): Actor =>
  ({ userId: null, rnokpp, fullName: "Громадянин", role: "CONSCRIPT", via: "password" }) as Actor;
const director = {
  userId: null,
  rnokpp: "1111111118",
  fullName: "Директор Підприємства Іванович",
  role: "ENTERPRISE_HEAD",
  edrpou: "12345678",
  via: "kep",
} as unknown as Actor;

let appearDate = addDays(today, 3);
while ([0, 6].includes(isoDateToUtc(appearDate).getUTCDay())) appearDate = addDays(appearDate, 1);

let officer: Actor;
let head: Actor;
let otherOfficer: Actor;
let headKey: OpenedKeyFile;
type Formed = { id: string; number: string; code: string; rnokpp: string; fullName: string };
let signedBatch: { id: string; notices: Formed[] };
let unsignedBatch: { id: string; notices: Formed[] };

async function tckUser(role: "TCK_OFFICER" | "TCK_HEAD", tcc: string, fullName: string): Promise<Actor> {
  const { user } = await createUser(db, { role, tcc, fullName, email: null });
  return { userId: user.id, rnokpp: user.rnokpp, fullName, role, tcc, via: "password" } as Actor;
}

async function person(lastName: string, tcc = TCC.name) {
  return (
    await createPerson(db, {
      lastName,
      birthDate: yearsAgo(35),
      address: `м. Львів, вул. ${lastName}а, 7`,
      military: { tcc },
    })
  ).rnokpp;
}

async function form(rnokpps: string[], actor = officer) {
  const { batchId } = await formNotices(ctx(actor), {
    kind: "MOBILISATION",
    appearDate,
    appearTime: "09:30",
    place: "м. Львів, вул. Друкарська, 5, каб. 12",
    selection: { by: "people", rnokpps },
  });
  return batchId;
}

async function sign(batchId: string, at = now) {
  const prepared = await prepareBatchSigning(ctx(head, at), { batchId });
  const signature = Buffer.from(signDetached(headKey, Buffer.from(prepared.document, "base64"))).toString("base64");
  await signNoticeBatch(ctx(head, at), { batchId, nonce: prepared.nonce, signature });
}

async function noticesOf(batchId: string): Promise<Formed[]> {
  const rows = await db.notice.findMany({ where: { batchId }, orderBy: { seq: "asc" } });
  return rows.map((n) => ({
    id: n.id,
    number: noticeNumber(n.seq, n.createdAt),
    code: n.code,
    rnokpp: n.rnokpp,
    fullName: n.fullName,
  }));
}

const printAudits = () => db.auditLog.count({ where: { action: { in: ["notices.print", "notice.print"] } } });

async function refused(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function qrModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
}

beforeAll(async () => {
  await createTcc(db, TCC);
  await createTcc(db, OTHER_TCC);
  officer = await tckUser("TCK_OFFICER", TCC.name, "Бойко Андрій Петрович");
  head = await tckUser("TCK_HEAD", TCC.name, "Гнатюк Роман Степанович");
  otherOfficer = await tckUser("TCK_OFFICER", OTHER_TCC.name, "Чужий Офіцер Іванович");
  const { p12 } = await issueCertificate(
    { db, now },
    {
      rnokpp: head.rnokpp!,
      fullName: head.fullName,
      password: "Tck-Key-Pass1",
      edrpou: TCC.edrpou,
      organization: TCC.name,
      title: "Начальник",
    },
  );
  headKey = openKeyFile(p12, "Tck-Key-Pass1");
  const signedId = await form([await person("Коваль"), await person("Мельник"), await person("Ткачук")]);
  await sign(signedId);
  signedBatch = { id: signedId, notices: await noticesOf(signedId) };
  const unsignedId = await form([await person("Савчук")]);
  unsignedBatch = { id: unsignedId, notices: await noticesOf(unsignedId) };
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the signed batch's PDF", () => {
  it("has one page per notice, each with its number, addressee, signer and the QR code of its absolute check URL", async () => {
    const audits = await printAudits();
    const file = await renderNoticeBatchPdf(ctx(officer), { batchId: signedBatch.id });
    const pdf = Buffer.from(file.body);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(file.fileName).toBe(`povistky-${signedBatch.id.slice(0, 8)}.pdf`);
    const { pages, pageObjects } = readPdf(pdf);
    expect(signedBatch.notices).toHaveLength(3);
    expect(pageObjects).toBe(signedBatch.notices.length);
    expect(pages).toHaveLength(signedBatch.notices.length);
    for (const [i, notice] of signedBatch.notices.entries()) {
      const { text, qr } = pages[i]!;
      for (const expected of [
        "ПОВІСТКА",
        notice.number,
        notice.fullName,
        TCC.name,
        TCC.address,
        "Підписано КЕП",
        head.fullName,
        "Для відправлення до військової частини (мобілізація)",
        "09:30",
        "Підстава:",
      ])
        expect(text, `page ${i + 1}: ${expected}`).toContain(expected);
      for (const other of signedBatch.notices.filter((n) => n !== notice)) expect(text).not.toContain(other.fullName);
      expect(text).not.toContain("ВІДКЛИКАНО");

      const url = noticeVerifyUrl(notice.code);
      expect(url).toBe(`${env().PORTAL_URL.replace(/\/$/, "")}/verify/notice/${notice.code}`);
      expect(new URL(url).protocol).toMatch(/^https?:$/);
      expect(qr, `page ${i + 1}: the QR code`).toEqual(qrModules(url));
      const code = new URL(url).pathname.split("/").at(-1)!;
      expect(await verifyNotice({ db }, { code })).toMatchObject({ status: "VALID", number: notice.number });
    }
    // The QR codes differ page to page: each opens its own notice.
    expect(pages[0]!.qr).not.toEqual(pages[1]!.qr);
    expect(await printAudits()).toBe(audits + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "notices.print" }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ entityType: "notice_batch", entityId: signedBatch.id, actorRnokpp: officer.rnokpp });
  });

  it("is the head's as well as the officer's", async () => {
    const file = await renderNoticeBatchPdf(ctx(head), { batchId: signedBatch.id });
    expect(readPdf(Buffer.from(file.body)).pageObjects).toBe(3);
  });

  it("is not found for another ТЦК's officer, a company director or a citizen, and nothing is audited", async () => {
    const audits = await printAudits();
    for (const outsider of [otherOfficer, director, conscript(signedBatch.notices[0]!.rnokpp)]) {
      const error = await refused(renderNoticeBatchPdf(ctx(outsider), { batchId: signedBatch.id }));
      expect(error.status, outsider.role).toBe(404);
    }
    expect((await refused(renderNoticeBatchPdf(ctx(null), { batchId: signedBatch.id }))).status).toBe(401);
    expect(await printAudits()).toBe(audits);
  });

  it("refuses an unsigned batch with 409 and a Ukrainian message, and bad references with 4xx", async () => {
    const audits = await printAudits();
    const unsigned = await refused(renderNoticeBatchPdf(ctx(officer), { batchId: unsignedBatch.id }));
    expect(unsigned).toMatchObject({ status: 409, code: "NOTICE_NOT_SIGNED" });
    expect(unsigned.message).toMatch(/не підписано/);
    expect((await refused(renderNoticeBatchPdf(ctx(officer), { batchId: "not-a-uuid" }))).status).toBe(400);
    expect((await refused(renderNoticeBatchPdf(ctx(officer), { batchId: signedBatch.id, part: "x" }))).status).toBe(
      400,
    );
    expect((await refused(renderNoticeBatchPdf(ctx(officer), { batchId: signedBatch.id, part: 2 }))).status).toBe(404);
    expect(await printAudits()).toBe(audits);
  });
});

describe("one notice's PDF", () => {
  it("is the citizen's own notice, one page, with his QR code; another citizen's is not found", async () => {
    const [own, another] = signedBatch.notices as [Formed, Formed];
    const audits = await printAudits();
    const file = await renderNoticePdf(ctx(conscript(own.rnokpp)), { as: "addressee", noticeId: own.id });
    const { pages } = readPdf(Buffer.from(file.body));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain(own.fullName);
    expect(pages[0]!.text).toContain(own.number);
    expect(pages[0]!.qr).toEqual(qrModules(noticeVerifyUrl(own.code)));
    expect(file.fileName).toBe(`povistka-${own.number.replace(/^П-/, "").replace("/", "-")}.pdf`);
    expect(await printAudits()).toBe(audits + 1);

    expect(
      (await refused(renderNoticePdf(ctx(conscript(own.rnokpp)), { as: "addressee", noticeId: another.id }))).status,
    ).toBe(404);
    expect((await refused(renderNoticePdf(ctx(director), { as: "addressee", noticeId: own.id }))).status).toBe(404);
    expect(
      (await refused(renderNoticePdf(ctx(otherOfficer), { as: "tcc", noticeId: own.id, batchId: signedBatch.id })))
        .status,
    ).toBe(404);
    // Each cabinet's link serves its own: the officer gets no "addressee" copy, the citizen no ТЦК copy.
    expect((await refused(renderNoticePdf(ctx(officer), { as: "addressee", noticeId: own.id }))).status).toBe(404);
    expect(
      (
        await refused(
          renderNoticePdf(ctx(conscript(own.rnokpp)), { as: "tcc", noticeId: own.id, batchId: signedBatch.id }),
        )
      ).status,
    ).toBe(404);
    expect(await printAudits()).toBe(audits + 1);
  });

  it("is the ТЦК's under its own batch only, and nobody's before the head signs", async () => {
    const [notice] = signedBatch.notices as [Formed];
    const file = await renderNoticePdf(ctx(officer), { as: "tcc", noticeId: notice.id, batchId: signedBatch.id });
    expect(readPdf(Buffer.from(file.body)).pages[0]!.text).toContain(notice.fullName);
    expect(
      (await refused(renderNoticePdf(ctx(officer), { as: "tcc", noticeId: notice.id, batchId: unsignedBatch.id })))
        .status,
    ).toBe(404);
    const [pending] = unsignedBatch.notices as [Formed];
    expect(
      (await refused(renderNoticePdf(ctx(officer), { as: "tcc", noticeId: pending.id, batchId: unsignedBatch.id })))
        .status,
    ).toBe(409);
    expect(
      (await refused(renderNoticePdf(ctx(conscript(pending.rnokpp)), { as: "addressee", noticeId: pending.id })))
        .status,
    ).toBe(409);
    expect(
      (await refused(renderNoticePdf(ctx(conscript(pending.rnokpp)), { as: "addressee", noticeId: "1" }))).status,
    ).toBe(400);
  });
});

describe("withdrawn notices", () => {
  it("a notice withdrawn after signing is printed stamped «ВІДКЛИКАНО», for the ТЦК and for its addressee", async () => {
    const later = new Date(now.getTime() + 60_000);
    const notice = signedBatch.notices[2]!;
    await db.$transaction((tx) =>
      withdrawNoticesOnProtection(
        { db: tx, now: later },
        { rnokpps: [notice.rnokpp], cause: { kind: "RESERVED", enterpriseName: "ТОВ «Львівський завод»" } },
      ),
    );
    const { pages } = readPdf(
      Buffer.from((await renderNoticeBatchPdf(ctx(officer), { batchId: signedBatch.id })).body),
    );
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.text.includes("ВІДКЛИКАНО"))).toEqual([false, false, true]);
    const own = readPdf(
      Buffer.from(
        (await renderNoticePdf(ctx(conscript(notice.rnokpp)), { as: "addressee", noticeId: notice.id })).body,
      ),
    );
    expect(own.pages[0]!.text).toContain("ВІДКЛИКАНО");
    expect(own.pages[0]!.text).toContain("ТОВ «Львівський завод»");
  });

  it("a notice withdrawn before the head signed was never signed: it is not printed", async () => {
    const kept = await person("Лисенко");
    const reserved = await person("Гордієнко");
    const batchId = await form([kept, reserved]);
    await db.$transaction((tx) =>
      withdrawNoticesOnProtection(
        { db: tx, now },
        { rnokpps: [reserved], cause: { kind: "DEFERRED", ground: "навчання" } },
      ),
    );
    await sign(batchId, new Date(now.getTime() + 120_000));
    const notices = await noticesOf(batchId);
    const { pages } = readPdf(Buffer.from((await renderNoticeBatchPdf(ctx(officer), { batchId })).body));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain(notices.find((n) => n.rnokpp === kept)!.fullName);
    const unsignedNotice = notices.find((n) => n.rnokpp === reserved)!;
    expect(
      (await refused(renderNoticePdf(ctx(conscript(reserved)), { as: "addressee", noticeId: unsignedNotice.id })))
        .status,
    ).toBe(409);
  });
});
