import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getApplicationRoute } from "@/app/api/v1/applications/[id]/route";
import { POST as createDraftRoute } from "@/app/api/v1/applications/drafts/route";
import { POST as submitRoute } from "@/app/api/v1/applications/route";
import { POST as createAnnulmentDraftRoute } from "@/app/api/v1/annulments/drafts/route";
import { issueApiToken } from "@/lib/api-tokens";
import { getDraftPage } from "@/lib/company/get-draft-page";
import { db } from "@/lib/db/client";
import { generateRnokpp } from "@/lib/identifiers";
import { stopSenderBoss } from "@/lib/jobs/boss";
import {
  createAnnulmentDraft,
  createReservationDraft,
  decideSubmittedApplication,
  getApplication,
  submitApplication,
} from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { addDays, isoDateToUtc } from "@/lib/rules/calendar";
import { createCtx } from "@/lib/context-server";

// Registry privacy: an enterprise's draft — through the HR API or the cabinet — names and
// explains only its own employees. Anyone else (another enterprise's reserved worker, a wanted
// person, someone the registry does not know, a former employee) gets the one refusal
// «Особа не є працівником підприємства», with no name, status or salary: in the draft, in the
// signed bytes and in the decision.

const GENERIC = { code: "NOT_AN_EMPLOYEE", message: "Особа не є працівником підприємства" };
let a: World;
let b: World;
let tokenA: string;
let outsiders: { reservedAtB: string; wantedAtB: string; unknown: string; former: string };
let secrets: string[];

async function call(
  handler: (request: Request, context: { params: Promise<any> }) => Promise<Response>,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://localhost:3000${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${tokenA}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

function expectNothingRevealed(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), { serial: 81, employees: 4, limitCount: 4 });
  b = await createWorld(createCtx({ actor: null }), { serial: 82, employees: 4, limitCount: 4 });
  tokenA = (await issueApiToken(createCtx({ actor: a.head.actor }), { name: "1С: Зарплата" })).token;
  // b reserves its first employee; its second is wanted; a's last employee left a yesterday.
  const draft = await createReservationDraft(createCtx({ actor: b.head.actor }), {
    edrpou: b.edrpou,
    employees: [{ rnokpp: b.employees[0]! }],
  });
  const submitted = await submitApplication(createCtx({ actor: b.head.actor }), {
    draftId: draft.draftId,
    signature: sign(b.head.key!, draft.document),
  });
  await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.applicationId });
  await db.militaryRegistration.update({
    where: { rnokpp: b.employees[1]! },
    data: { status: "WANTED", wanted: true },
  });
  await db.employment.updateMany({
    where: { rnokpp: a.employees[3]!, edrpou: a.edrpou },
    data: { endDate: isoDateToUtc(addDays(a.today, -1)) },
  });
  outsiders = {
    reservedAtB: b.employees[0]!,
    wantedAtB: b.employees[1]!,
    unknown: generateRnokpp(new Date(Date.UTC(1980, 1, 2)), "MALE", 917),
    former: a.employees[3]!,
  };
  // Names no employee of a shares, so a leak cannot hide behind a colleague's name.
  const named = [outsiders.reservedAtB, outsiders.wantedAtB, outsiders.former];
  for (const [i, rnokpp] of named.entries())
    await db.person.update({ where: { rnokpp }, data: { lastName: `Сторонній${i}` } });
  secrets = [
    ...named.map((_, i) => `Сторонній${i}`),
    "RESERVED_ELSEWHERE",
    "WANTED",
    "NOT_IN_REGISTRY",
    "NOT_EMPLOYED",
    "розшуку",
    "Оберіг",
    "іншим підприємством",
  ];
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("a reservation draft through the HR API", () => {
  it("names and explains its own employee, and refuses everyone else with one generic reason", async () => {
    const listed = [a.employees[0]!, outsiders.reservedAtB, outsiders.wantedAtB, outsiders.unknown, outsiders.former];
    const draft = await call(createDraftRoute, "/api/v1/applications/drafts", {
      edrpou: a.edrpou,
      employees: listed.map((rnokpp) => ({ rnokpp })),
    });
    expect(draft.status).toBe(201);
    const [own, ...others] = draft.body.precheck as Array<Record<string, any>>;
    expect(own).toMatchObject({
      rnokpp: a.employees[0],
      fullName: expect.stringContaining("Працівник"),
      eligible: true,
      reasons: [],
    });
    for (const item of others) {
      expect(item).toMatchObject({
        fullName: null,
        salary: null,
        eligible: false,
        reasons: [GENERIC.code],
        messages: [GENERIC.message],
        reservedFrom: null,
        reservedUntil: null,
      });
    }
    expectNothingRevealed(JSON.stringify(draft.body));

    // The bytes the head signs carry no name either, and the decision says no more than the draft.
    const document = Buffer.from(draft.body.document, "base64");
    const signed = JSON.parse(document.toString("utf8")) as {
      employees: Array<{ rnokpp: string; fullName: string | null; salary: string | null }>;
    };
    expect(signed.employees.slice(1).map((e) => [e.fullName, e.salary])).toEqual(others.map(() => [null, null]));
    expectNothingRevealed(document.toString("utf8"));

    const signature = Buffer.from(sign(a.head.key!, new Uint8Array(document))).toString("base64");
    const submitted = await call(submitRoute, "/api/v1/applications", { draftId: draft.body.draftId, signature });
    expect(submitted.status).toBe(202);
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: submitted.body.applicationId });
    const decided = await call(getApplicationRoute, `/api/v1/applications/${submitted.body.applicationId}`, undefined, {
      id: submitted.body.applicationId,
    });
    expect(decided.body.items.map((i: { decision: string; reasons: string[] }) => [i.decision, i.reasons])).toEqual([
      ["RESERVED", []],
      ...others.map(() => ["REFUSED", [GENERIC.code]]),
    ]);
    expectNothingRevealed(JSON.stringify(decided.body));
    // Nobody outside the enterprise is told that it tried to reserve them.
    expect(
      await db.notification.count({
        where: {
          kind: "reservation.refused",
          recipientRnokpp: { in: [outsiders.reservedAtB, outsiders.wantedAtB, outsiders.former] },
        },
      }),
    ).toBe(0);
  });
});

describe("the same in the cabinet and in an annulment", () => {
  it("the cabinet's draft page shows no name or status of an outsider", async () => {
    const draft = await createReservationDraft(createCtx({ actor: a.head.actor }), {
      edrpou: a.edrpou,
      employees: [{ rnokpp: outsiders.wantedAtB }, { rnokpp: a.employees[1]!, salary: 3_000_000 }],
    });
    const page = await getDraftPage(createCtx({ actor: a.head.actor }), { draftId: draft.draftId });
    expectNothingRevealed(JSON.stringify(page.draft));
    expect(draft.precheck[0]).toMatchObject({ fullName: null, salary: null, reasons: [GENERIC] });
    expect(draft.precheck[1]).toMatchObject({ fullName: expect.stringContaining("Працівник"), eligible: true });
  });

  it("an annulment draft refuses an outsider generically and keeps NOT_RESERVED_HERE for its own employee", async () => {
    const viaApi = await call(createAnnulmentDraftRoute, "/api/v1/annulments/drafts", {
      edrpou: a.edrpou,
      ground: "HEAD_REQUEST",
      employees: [{ rnokpp: outsiders.reservedAtB }, { rnokpp: a.employees[2]! }, { rnokpp: outsiders.unknown }],
    });
    expect(viaApi.status).toBe(201);
    expect(viaApi.body.precheck.map((p: Record<string, any>) => [p.fullName === null, p.reasons])).toEqual([
      [true, [GENERIC.code]],
      [false, ["NOT_RESERVED_HERE"]],
      [true, [GENERIC.code]],
    ]);
    expectNothingRevealed(JSON.stringify(viaApi.body));
    expectNothingRevealed(Buffer.from(viaApi.body.document, "base64").toString("utf8"));

    const inCabinet = await createAnnulmentDraft(createCtx({ actor: a.head.actor }), {
      edrpou: a.edrpou,
      employees: [outsiders.wantedAtB].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    expect(inCabinet.precheck[0]).toMatchObject({ fullName: null, annul: false, reasons: [GENERIC] });
    expectNothingRevealed(new TextDecoder().decode(inCabinet.document));
  });

  it("another enterprise still sees its own reserved employee in full", async () => {
    const view = await createAnnulmentDraft(createCtx({ actor: b.head.actor }), {
      edrpou: b.edrpou,
      employees: [outsiders.reservedAtB].map((rnokpp) => ({ rnokpp })),
      ground: "HEAD_REQUEST",
    });
    expect(view.precheck[0]).toMatchObject({
      fullName: expect.stringContaining("Сторонній0"),
      annul: true,
      reasons: [],
    });
    const list = await getApplication(createCtx({ actor: b.head.actor }), {
      applicationId: (await db.application.findFirstOrThrow({ where: { edrpou: b.edrpou } })).id,
    });
    expect(list.items[0]!.decision).toBe("RESERVED");
  });
});
