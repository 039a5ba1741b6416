import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { discardDraft } from "@/lib/reservations/discard-draft";
import { exportApplicationCsv } from "@/lib/company/export-application-csv";
import { getApplicationPage } from "@/lib/company/get-application-page";
import { getApplicationStatus } from "@/lib/company/get-application-status";
import { getCompanyOverview } from "@/lib/company/get-company-overview";
import { getDraft } from "@/lib/reservations/get-draft";
import { getEmployeeDetail } from "@/lib/company/get-employee-detail";
import { handOverDraft } from "@/lib/reservations/hand-over-draft";
import { listPendingDrafts } from "@/lib/reservations/list-pending-drafts";
import { selectEmployees } from "@/lib/company/select-employees";
import { db } from "@/lib/db/client";
import { getDocumentFile } from "@/lib/documents/get-document-file";
import { AppError } from "@/lib/errors";
import { stopSenderBoss } from "@/lib/jobs/boss";
import {
  createReservationDraft,
  decideSubmittedApplication,
  listEmployees,
  submitApplication,
  type ListEmployeesInput,
} from "@/lib/reservations";
import { addDays, isoDateToUtc } from "@/lib/rules";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createEnterprise, createPerson, createReservationMark, createUser } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";

// The company cabinet's read-models against a real database and the real lifecycle: the
// overview (status, limit, counts by state, applications, notifications), an employee's
// detail with their history, drafts handed from an authorized person to the head, the progress
// poll, the results page and CSV — and a 404 for every one of them across enterprises.

let a: World;
let b: World;
let lowPaid: string;
let expiring: string;
let applicationId: string;

async function expectCode(code: string, attempt: () => Promise<unknown>): Promise<AppError> {
  const error = await attempt().then(
    () => new Error(`очікувалася відмова ${code}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), {
    serial: 71,
    employees: 5,
    limitCount: 4,
    withAuthorizedPerson: true,
  });
  b = await createWorld(createCtx({ actor: null }), { serial: 72, employees: 2 });
  lowPaid = (
    await createPerson(db, {
      lastName: "Низькооплачуваний",
      employments: [{ edrpou: a.edrpou, salary: 20_000, reportedOn: a.today }],
    })
  ).rnokpp;
  // Reserved through Дія, ending in ten days: "expiring".
  expiring = a.employees[4]!;
  await createReservationMark(db, {
    rnokpp: expiring,
    edrpou: a.edrpou,
    fromDate: addDays(a.today, -100),
    untilDate: addDays(a.today, 10),
  });

  const draft = await createReservationDraft(createCtx({ actor: a.head.actor }), {
    edrpou: a.edrpou,
    employees: [{ rnokpp: a.employees[0]! }, { rnokpp: lowPaid }],
  });
  ({ applicationId } = await submitApplication(createCtx({ actor: a.head.actor }), {
    draftId: draft.draftId,
    signature: sign(a.head.key!, draft.document),
  }));
  await decideSubmittedApplication(createCtx({ actor: null }), { applicationId });
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("the overview", () => {
  it("shows the status, the limit and the staff by state, the latest application and notifications", async () => {
    const overview = await getCompanyOverview(createCtx({ actor: a.head.actor }));
    expect(overview.enterprise).toMatchObject({ edrpou: a.edrpou, name: a.name, region: "м. Київ" });
    expect(overview.isHead).toBe(true);
    expect(overview.standing).toMatchObject({
      critical: true,
      cause: null,
      daysLeft: 335,
      expiresSoon: false,
      salaryThreshold: 2_594_100,
    });
    expect(overview.standing.decision).toMatchObject({
      number: "КР-71",
      authorityName: "Міністерство економіки України",
      limitCount: 4,
      limitPercent: 50,
      militaryLiableCount: 5,
    });
    expect(overview.standing.decision!.criteria).toContain("Підприємство включено до переліку стратегічно важливих");
    expect(overview.limit).toEqual({ total: 4, used: 2, available: 2 });
    expect(overview.counts).toEqual({
      employees: 6,
      eligible: 4,
      reservable: 3,
      reserved: 2,
      expiring: 1,
      notEligible: 1,
      reservedElsewhere: 0,
    });
    expect(overview.applications[0]).toMatchObject({ id: applicationId, status: "DECIDED", reserved: 1, refused: 1 });
    expect(overview.notifications.unread).toBeGreaterThanOrEqual(1);
    expect(overview.notifications.items[0]).toMatchObject({
      title: "Заяву про бронювання розглянуто",
      link: `/company/applications/${applicationId}`,
    });

    // The same numbers as the employee list's filters (the overview counts its cached model itself).
    const total = async (filter: Omit<ListEmployeesInput, "edrpou">) =>
      (await listEmployees(createCtx({ actor: a.head.actor }), { edrpou: a.edrpou, pageSize: 1, ...filter })).total;
    expect({
      employees: await total({}),
      eligible: await total({ eligible: true }),
      reservable: await total({ eligible: true, state: "not_reserved" }),
      reserved: await total({ state: "reserved" }),
      expiring: await total({ state: "expiring" }),
      notEligible: await total({ eligible: false, state: "not_reserved" }),
      reservedElsewhere: await total({ state: "reserved_elsewhere" }),
    }).toEqual(overview.counts);

    const forAuthorized = await getCompanyOverview(createCtx({ actor: a.authorized!.actor }));
    expect(forAuthorized.isHead).toBe(false);
    expect(forAuthorized.counts).toEqual(overview.counts);
  });

  it("warns when the decision ends within 30 days and explains an enterprise that is not critical", async () => {
    await db.criticalDecision.update({
      where: { id: b.decisionId },
      data: { validUntil: isoDateToUtc(addDays(b.today, 20)) },
    });
    expect((await getCompanyOverview(createCtx({ actor: b.head.actor }))).standing).toMatchObject({
      critical: true,
      daysLeft: 20,
      expiresSoon: true,
    });

    const enterprise = await createEnterprise(db, { name: "Некритичне", head: true });
    const head = await db.person.findUniqueOrThrow({ where: { rnokpp: enterprise.headRnokpp! } });
    const { user } = await createUser(db, { role: "ENTERPRISE_HEAD", rnokpp: head.rnokpp, fullName: "Директоренко" });
    const actor: Actor = {
      userId: user.id,
      rnokpp: head.rnokpp,
      fullName: "Директоренко",
      role: "ENTERPRISE_HEAD",
      edrpou: enterprise.edrpou,
      via: "password",
    };
    const overview = await getCompanyOverview(createCtx({ actor }));
    expect(overview.standing).toEqual({
      critical: false,
      cause: "NO_DECISION",
      decision: null,
      daysLeft: null,
      expiresSoon: false,
      salaryThreshold: 2_594_100,
    });
    expect(overview.limit).toEqual({ total: 0, used: 0, available: 0 });
  });
});

describe("an employee's detail", () => {
  it("gives the registry facts, today's judgement and the history at this enterprise", async () => {
    const reserved = await getEmployeeDetail(createCtx({ actor: a.authorized!.actor }), { rnokpp: a.employees[0]! });
    expect(reserved).toMatchObject({
      rnokpp: a.employees[0],
      sex: "MALE",
      reservedElsewhere: false,
      military: { status: "ON_REGISTER", liability: "LIABLE" },
    });
    expect(reserved.current).toMatchObject({ state: "reserved", rnokpp: a.employees[0] });
    expect(reserved.jobs).toEqual([expect.objectContaining({ edrpou: a.edrpou, salary: 3_000_000 })]);
    expect(reserved.history).toEqual([
      expect.objectContaining({ applicationId, kind: "RESERVATION", decision: "RESERVED", reasons: [] }),
    ]);
    expect(reserved.reservations).toEqual([
      expect.objectContaining({ status: "ACTIVE", source: "portal", applicationId }),
    ]);

    const refused = await getEmployeeDetail(createCtx({ actor: a.head.actor }), { rnokpp: lowPaid });
    expect(refused.current).toMatchObject({
      eligible: false,
      reasons: [expect.objectContaining({ code: "SALARY_BELOW_THRESHOLD" })],
    });
    expect(refused.history[0]).toMatchObject({
      decision: "REFUSED",
      reasons: [
        { code: "SALARY_BELOW_THRESHOLD", message: "Заробітна плата нижча за встановлений мінімум (25 941,00 грн)" },
      ],
    });

    const viaDiia = await getEmployeeDetail(createCtx({ actor: a.head.actor }), { rnokpp: expiring });
    expect(viaDiia.current!.state).toBe("expiring");
    expect(viaDiia.reservations).toEqual([expect.objectContaining({ source: "diia", applicationId: null })]);
  });

  it("is not found for a stranger, another enterprise's employee or a malformed РНОКПП", async () => {
    const stranger = await createPerson(db, { lastName: "Чужий" });
    await expectCode("EMPLOYEE_NOT_FOUND", () =>
      getEmployeeDetail(createCtx({ actor: a.head.actor }), { rnokpp: stranger.rnokpp }),
    );
    await expectCode("EMPLOYEE_NOT_FOUND", () =>
      getEmployeeDetail(createCtx({ actor: a.head.actor }), { rnokpp: b.employees[0]! }),
    );
    await expectCode("EMPLOYEE_NOT_FOUND", () =>
      getEmployeeDetail(createCtx({ actor: a.head.actor }), { rnokpp: "1234567890" }),
    );
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      getEmployeeDetail(createCtx({ actor: { ...b.head.actor, edrpou: a.edrpou } }), { rnokpp: a.employees[0]! }),
    );
  });
});

describe("drafts handed to the head", () => {
  it("an authorized person prepares and hands over once; the head sees, signs or discards; another enterprise sees nothing", async () => {
    const authorized = a.authorized!.actor;
    const draft = await createReservationDraft(createCtx({ actor: authorized }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[1]! }, { rnokpp: a.employees[2]! }, { rnokpp: lowPaid }],
    });
    const pending = await listPendingDrafts(createCtx({ actor: a.head.actor }));
    expect(pending.find((d) => d.id === draft.draftId)).toMatchObject({
      kind: "RESERVATION",
      employees: 3,
      passing: 2,
      preparedByRnokpp: authorized.rnokpp,
      preparedByName: authorized.fullName,
    });
    expect(await listPendingDrafts(createCtx({ actor: b.head.actor }))).toEqual([]);

    await expectCode("DRAFT_NOT_FOUND", () =>
      handOverDraft(createCtx({ actor: a.head.actor }), { draftId: draft.draftId }),
    );
    expect(await handOverDraft(createCtx({ actor: authorized }), { draftId: draft.draftId })).toEqual({
      notified: true,
    });
    expect(await handOverDraft(createCtx({ actor: authorized }), { draftId: draft.draftId })).toEqual({
      notified: false,
    });
    const notices = await db.notification.findMany({
      where: { recipientRnokpp: a.head.rnokpp, kind: "draft.handed_over" },
    });
    expect(notices).toEqual([
      expect.objectContaining({ link: `/company/applications/drafts/${draft.draftId}`, audience: "company" }),
    ]);

    await expectCode("DRAFT_NOT_FOUND", () => getDraft(createCtx({ actor: b.head.actor }), { draftId: draft.draftId }));
    const view = await getDraft(createCtx({ actor: a.head.actor }), { draftId: draft.draftId });
    expect(view).toMatchObject({
      kind: "RESERVATION",
      applicationId: null,
      expired: false,
      preparedBy: { rnokpp: authorized.rnokpp, fullName: authorized.fullName },
    });
    if (view.kind !== "RESERVATION") throw new Error("kind");
    expect(view.items.map((i) => i.eligible)).toEqual([true, true, false]);
    expect(Buffer.from(view.document, "base64").equals(Buffer.from(draft.document))).toBe(true);

    const submitted = await submitApplication(createCtx({ actor: a.head.actor }), {
      draftId: draft.draftId,
      signature: sign(a.head.key!, draft.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.applicationId });
    expect((await getDraft(createCtx({ actor: a.head.actor }), { draftId: draft.draftId })).applicationId).toBe(
      submitted.applicationId,
    );
    expect((await listPendingDrafts(createCtx({ actor: a.head.actor }))).map((d) => d.id)).not.toContain(draft.draftId);
    await expectCode("DRAFT_ALREADY_SUBMITTED", () =>
      discardDraft(createCtx({ actor: a.head.actor }), { draftId: draft.draftId }),
    );

    const another = await createReservationDraft(createCtx({ actor: authorized }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[3]! }],
    });
    await expectCode("DRAFT_NOT_FOUND", () =>
      discardDraft(createCtx({ actor: b.head.actor }), { draftId: another.draftId }),
    );
    expect(await discardDraft(createCtx({ actor: authorized }), { draftId: another.draftId })).toEqual({
      discarded: true,
    });
    await expectCode("DRAFT_NOT_FOUND", () =>
      getDraft(createCtx({ actor: a.head.actor }), { draftId: another.draftId }),
    );
  });
});

describe("a draft or a decision corrupted in the database", () => {
  it("is refused with its own code and turns into nothing, instead of an application with missing people", async () => {
    const authorized = a.authorized!.actor;
    const draft = await createReservationDraft(createCtx({ actor: authorized }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: a.employees[1]! }],
    });
    await db.draft.update({ where: { id: draft.draftId }, data: { payload: { employees: "усі" } } });
    await expectCode("DRAFT_CORRUPT", () =>
      handOverDraft(createCtx({ actor: authorized }), { draftId: draft.draftId }),
    );
    const refused = await expectCode("DRAFT_CORRUPT", () =>
      submitApplication(createCtx({ actor: a.head.actor }), {
        draftId: draft.draftId,
        signature: sign(a.head.key!, draft.document),
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/пошкоджено/);
    expect(await db.application.count({ where: { draftId: draft.draftId } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "Draft", entityId: draft.draftId } })).toBe(0);

    await db.draft.update({ where: { id: draft.draftId }, data: { precheck: { date: a.today, items: [] } } });
    await expectCode("DRAFT_CORRUPT", () => getDraft(createCtx({ actor: a.head.actor }), { draftId: draft.draftId }));
    expect(await discardDraft(createCtx({ actor: authorized }), { draftId: draft.draftId })).toEqual({
      discarded: true,
    });

    const other = await createReservationDraft(createCtx({ actor: b.head.actor }), {
      edrpou: b.edrpou,
      employees: [{ rnokpp: b.employees[0]! }],
    });
    const submitted = await submitApplication(createCtx({ actor: b.head.actor }), {
      draftId: other.draftId,
      signature: sign(b.head.key!, other.document),
    });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.applicationId });
    expect(
      (await getApplicationPage(createCtx({ actor: b.head.actor }), { applicationId: submitted.applicationId })).items,
    ).toHaveLength(1);
    await db.applicationItem.updateMany({
      where: { applicationId: submitted.applicationId },
      data: { reasonDetails: { reasons: "немає" } },
    });
    const corrupt = await expectCode("APPLICATION_DATA_CORRUPT", () =>
      getApplicationPage(createCtx({ actor: b.head.actor }), { applicationId: submitted.applicationId }),
    );
    expect(corrupt.status).toBe(500);
    await expectCode("APPLICATION_DATA_CORRUPT", () =>
      getEmployeeDetail(createCtx({ actor: b.head.actor }), { rnokpp: b.employees[0]! }),
    );
  });
});

describe("an application's status, results and documents", () => {
  it("polls, pages, exports and downloads for this enterprise only", async () => {
    expect(await getApplicationStatus(createCtx({ actor: a.authorized!.actor }), { applicationId })).toMatchObject({
      status: "DECIDED",
      reserved: 1,
      refused: 1,
    });
    await expectCode("APPLICATION_NOT_FOUND", () =>
      getApplicationStatus(createCtx({ actor: b.head.actor }), { applicationId }),
    );
    await expectCode("APPLICATION_NOT_FOUND", () =>
      getApplicationStatus(createCtx({ actor: a.head.actor }), { applicationId: "nonsense" }),
    );

    const refused = await getApplicationPage(createCtx({ actor: a.head.actor }), { applicationId, filter: "refused" });
    expect(refused.itemTotal).toBe(1);
    expect(refused.items[0]).toMatchObject({ rnokpp: lowPaid, decision: "REFUSED" });
    expect(refused.preparedByName).toBe(a.head.fullName);
    await expectCode("APPLICATION_NOT_FOUND", () =>
      getApplicationPage(createCtx({ actor: b.head.actor }), { applicationId }),
    );

    const csv = await exportApplicationCsv(createCtx({ actor: a.head.actor }), { applicationId });
    const lines = csv.text.split("\r\n");
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(
      "\uFEFF№;ПІБ;РНОКПП;Заробітна плата, грн;Рішення;Причини відмови;Заброньовано з;Заброньовано до",
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^1;Працівник00000 Іван Іванович;${a.employees[0]};30 000,00;Заброньовано;;\\d{2}\\.\\d{2}\\.\\d{4};\\d{2}\\.\\d{2}\\.\\d{4}$`,
      ),
    );
    expect(lines[2]).toBe(
      `2;Низькооплачуваний Петро Іванович;${lowPaid};20 000,00;Відмовлено;Заробітна плата нижча за встановлений мінімум (25 941,00 грн);;`,
    );
    await expectCode("APPLICATION_NOT_FOUND", () =>
      exportApplicationCsv(createCtx({ actor: b.head.actor }), { applicationId }),
    );

    const app = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { signedDocumentId: true },
    });
    const file = await getDocumentFile(createCtx({ actor: a.authorized!.actor }), {
      documentId: app.signedDocumentId,
      part: "signature",
    });
    expect(file.contentType).toBe("application/pkcs7-signature");
    await expectCode("NOT_FOUND", () =>
      getDocumentFile(createCtx({ actor: b.head.actor }), { documentId: app.signedDocumentId, part: "content" }),
    );
  });

  it("selects every employee a filter matches, in the list's order", async () => {
    const reservable = await selectEmployees(createCtx({ actor: a.head.actor }), {
      filters: { eligible: "yes", state: "not_reserved" },
    });
    expect(reservable.items.map((e) => e.rnokpp).sort()).toEqual([a.employees[3]!].sort());
    const reserved = await selectEmployees(createCtx({ actor: a.head.actor }), { filters: { state: "reserved" } });
    expect(reserved.total).toBe(4);
    expectEvery(reserved.items, (e) => e.reservedUntil !== null);
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      selectEmployees(createCtx({ actor: { ...b.head.actor, edrpou: a.edrpou } }), { filters: {} }),
    );
  });
});
