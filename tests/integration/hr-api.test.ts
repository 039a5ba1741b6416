import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getApplicationRoute } from "@/app/api/v1/applications/[id]/route";
import { POST as createDraftRoute } from "@/app/api/v1/applications/drafts/route";
import { POST as submitRoute } from "@/app/api/v1/applications/route";
import { POST as createAnnulmentDraftRoute } from "@/app/api/v1/annulments/drafts/route";
import { POST as submitAnnulmentRoute } from "@/app/api/v1/annulments/route";
import { GET as employeesRoute } from "@/app/api/v1/enterprises/[edrpou]/employees/route";
import { POST as searchEmployeesRoute } from "@/app/api/v1/enterprises/[edrpou]/employees/search/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { issueApiToken, revokeApiToken } from "@/lib/api-tokens";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createReservationDraft, decideSubmittedApplication } from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";
import { expectEvery } from "@/tests/support/expect-every";

// The HR API v1 end to end through its route handlers, as an HR system calls it with a
// head's bearer token: list, draft, sign, submit, read the decision, annul — and every refusal
// with its own code and a 4xx status, nothing written.

const BASE = "http://localhost:3000";
let a: World;
let b: World;
let tokenA: string;
let tokenB: string;

type Call = { status: number; body: Record<string, any> };

async function call(
  handler: (request: Request, context: { params: Promise<any> }) => Promise<Response>,
  options: {
    method?: string;
    path: string;
    token?: string | null;
    body?: unknown;
    raw?: string;
    params?: Record<string, string>;
    authorization?: string;
  },
): Promise<Call> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.token !== null) headers.authorization = `Bearer ${options.token ?? tokenA}`;
  const request = new Request(`${BASE}${options.path}`, {
    method: options.method ?? (options.body !== undefined || options.raw !== undefined ? "POST" : "GET"),
    headers,
    body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, "base64"));
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function expectError(result: Call, status: number, code: string) {
  expect({ status: result.status, code: result.body.error?.code }).toEqual({ status, code });
  expect(typeof result.body.error.message).toBe("string");
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), { serial: 41, employees: 8, limitCount: 3 });
  b = await createWorld(createCtx({ actor: null }), { serial: 42, employees: 2, limitCount: 2 });
  tokenA = (await issueApiToken(createCtx({ actor: a.head.actor }), { name: "1С: Зарплата" })).token;
  tokenB = (await issueApiToken(createCtx({ actor: b.head.actor }), { name: "BAS" })).token;
});

afterAll(async () => {
  await stopSenderBoss();
});

describe("through the API alone, with the head's token and key", () => {
  it("lists, drafts, submits the signed document and reads the decision with reasons", async () => {
    const list = await call(employeesRoute, {
      path: `/api/v1/enterprises/${a.edrpou}/employees?page=1&pageSize=5`,
      params: { edrpou: a.edrpou },
    });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(8);
    expect(list.body.items).toHaveLength(5);
    expect(list.body.items[0]).toMatchObject({
      eligible: true,
      reasons: [],
      salary: 30000,
      militaryStatus: "ON_REGISTER",
      reservedUntil: null,
    });
    expect(list.body.items[0].rnokpp).toMatch(/^\d{10}$/);
    expect(list.body.limit).toEqual({ total: 3, used: 0, available: 3 });

    const employees = a.employees.slice(0, 4).map((rnokpp, i) => (i === 0 ? { rnokpp, salary: 20000.5 } : { rnokpp }));
    const draft = await call(createDraftRoute, {
      path: "/api/v1/applications/drafts",
      body: { edrpou: a.edrpou, employees },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.precheck.map((p: { reasons: string[] }) => p.reasons)).toEqual([
      ["SALARY_BELOW_THRESHOLD"],
      [],
      [],
      [],
    ]);
    expect(draft.body.precheck[0].messages[0]).toMatch(
      /^Заробітна плата нижча за встановлений мінімум \(25 941,00 грн\)$/,
    );
    expect(draft.body.limit).toEqual({ total: 3, used: 0, available: 3 });
    const document = fromBase64(draft.body.document);
    expect(JSON.parse(new TextDecoder().decode(document)).employees[0].salary).toBe("20000.50");

    const signature = toBase64(sign(a.head.key!, document));
    const submitted = await call(submitRoute, {
      path: "/api/v1/applications",
      body: { draftId: draft.body.draftId, signature },
    });
    expect(submitted).toEqual({
      status: 202,
      body: { applicationId: expect.any(String), status: "QUEUED", repeated: false },
    });
    const again = await call(submitRoute, {
      path: "/api/v1/applications",
      body: { draftId: draft.body.draftId, signature },
    });
    expect(again).toEqual({
      status: 202,
      body: { applicationId: submitted.body.applicationId, status: "QUEUED", repeated: true },
    });

    const id = submitted.body.applicationId as string;
    const queued = await call(getApplicationRoute, { path: `/api/v1/applications/${id}`, params: { id } });
    expect(queued.body).toMatchObject({ status: "QUEUED", ruleset: null });
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: id });
    const decided = await call(getApplicationRoute, { path: `/api/v1/applications/${id}`, params: { id } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      kind: "RESERVATION",
      status: "DECIDED",
      ruleset: expect.stringMatching(/^res/),
    });
    expect(decided.body.items.map((i: { decision: string; reasons: string[] }) => [i.decision, i.reasons])).toEqual([
      ["REFUSED", ["SALARY_BELOW_THRESHOLD"]],
      ["RESERVED", []],
      ["RESERVED", []],
      ["RESERVED", []],
    ]);
    expect(decided.body.items[1].reservedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const annulDraft = await call(createAnnulmentDraftRoute, {
      path: "/api/v1/annulments/drafts",
      body: {
        edrpou: a.edrpou,
        ground: "HEAD_REQUEST",
        employees: [{ rnokpp: a.employees[1]! }, { rnokpp: a.employees[5]! }],
      },
    });
    expect(annulDraft.status).toBe(201);
    expect(annulDraft.body.precheck.map((p: { annul: boolean }) => p.annul)).toEqual([true, false]);
    const annulSignature = toBase64(sign(a.head.key!, fromBase64(annulDraft.body.document)));
    const annulled = await call(submitAnnulmentRoute, {
      path: "/api/v1/annulments",
      body: { draftId: annulDraft.body.draftId, signature: annulSignature },
    });
    expect(annulled.status).toBe(202);
    await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: annulled.body.applicationId });
    const result = await call(getApplicationRoute, {
      path: `/api/v1/applications/${annulled.body.applicationId}`,
      params: { id: annulled.body.applicationId },
    });
    expect(result.body).toMatchObject({ kind: "ANNULMENT", status: "DECIDED", ground: "HEAD_REQUEST" });
    expect(result.body.items.map((i: { decision: string; reasons: string[] }) => [i.decision, i.reasons])).toEqual([
      ["ANNULLED", []],
      ["REFUSED", ["NOT_RESERVED_HERE"]],
    ]);

    const eligibleOnly = await call(employeesRoute, {
      path: `/api/v1/enterprises/${a.edrpou}/employees?eligible=false`,
      params: { edrpou: a.edrpou },
    });
    expectEvery(eligibleOnly.body.items, (e: { eligible: boolean }) => !e.eligible);
    expect(eligibleOnly.body.items.some((e: { reasons: string[] }) => e.reasons.includes("ALREADY_RESERVED"))).toBe(
      true,
    );
  });

  it("searches employees by РНОКПП in the body, and refuses one in the list's query string", async () => {
    const rnokpp = a.employees[2]!;
    const path = `/api/v1/enterprises/${a.edrpou}/employees/search`;
    const found = await call(searchEmployeesRoute, {
      path,
      params: { edrpou: a.edrpou },
      body: { q: rnokpp, pageSize: 10 },
    });
    expect(found.status).toBe(200);
    expect(found.body.items.map((e: { rnokpp: string }) => e.rnokpp)).toEqual([rnokpp]);
    const prefix = await call(searchEmployeesRoute, {
      path,
      params: { edrpou: a.edrpou },
      body: { q: rnokpp.slice(0, 4), eligible: true },
    });
    expectEvery(
      prefix.body.items,
      (e: { rnokpp: string; eligible: boolean }) => e.rnokpp.startsWith(rnokpp.slice(0, 4)) && e.eligible,
    );
    expectError(
      await call(searchEmployeesRoute, { path, params: { edrpou: a.edrpou }, body: { q: rnokpp, rnokpp } }),
      400,
      "UNKNOWN_FIELD",
    );
    expectError(
      await call(searchEmployeesRoute, { path, params: { edrpou: a.edrpou }, body: { pageSize: "10" } }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await call(searchEmployeesRoute, { path, params: { edrpou: a.edrpou }, raw: "q=1" }),
      400,
      "BAD_REQUEST",
    );
    // Another enterprise's list: the same 404 as the GET.
    expectError(
      await call(searchEmployeesRoute, {
        path: `/api/v1/enterprises/${b.edrpou}/employees/search`,
        params: { edrpou: b.edrpou },
        body: { q: b.employees[0]! },
      }),
      404,
      "ENTERPRISE_NOT_FOUND",
    );

    const inUrl = await call(employeesRoute, {
      path: `/api/v1/enterprises/${a.edrpou}/employees?q=${rnokpp}`,
      params: { edrpou: a.edrpou },
    });
    expectError(inUrl, 400, "RNOKPP_IN_QUERY");
    expect(inUrl.body.error.message).toContain("POST");
    expectError(
      await call(employeesRoute, {
        path: `/api/v1/enterprises/${a.edrpou}/employees?q=${rnokpp.slice(0, 3)}`,
        params: { edrpou: a.edrpou },
      }),
      400,
      "RNOKPP_IN_QUERY",
    );
    const byName = await call(employeesRoute, {
      path: `/api/v1/enterprises/${a.edrpou}/employees?q=${encodeURIComponent("Працівник")}`,
      params: { edrpou: a.edrpou },
    });
    expect(byName.status).toBe(200);
  });

  it("serves its OpenAPI document without a token", async () => {
    const response = openApiRoute();
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/applications/drafts");
  });
});

describe("each refusal has its own code", () => {
  it("malformed body, unknown field, bad РНОКПП and ЄДРПОУ, an employee twice, bad signature encoding", async () => {
    const before = await db.draft.count();
    const path = "/api/v1/applications/drafts";
    expectError(await call(createDraftRoute, { path, raw: "{ not json" }), 400, "BAD_REQUEST");
    expectError(await call(createDraftRoute, { path, body: [] }), 400, "VALIDATION_FAILED");
    expectError(
      await call(createDraftRoute, {
        path,
        body: { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[0]! }], urgent: true },
      }),
      400,
      "UNKNOWN_FIELD",
    );
    expectError(
      await call(createDraftRoute, {
        path,
        body: { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[0]!, salery: 30000 }] },
      }),
      400,
      "UNKNOWN_FIELD",
    );
    expectError(
      await call(createDraftRoute, { path, body: { edrpou: a.edrpou, employees: [{ rnokpp: "1234567890" }] } }),
      400,
      "INVALID_RNOKPP",
    );
    expectError(
      await call(createDraftRoute, { path, body: { edrpou: "12345670", employees: [{ rnokpp: a.employees[0]! }] } }),
      400,
      "INVALID_EDRPOU",
    );
    expectError(
      await call(createDraftRoute, { path, body: { edrpou: a.edrpou, employees: [] } }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await call(createDraftRoute, {
        path,
        body: { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[0]!, salary: 30000.123 }] },
      }),
      400,
      "VALIDATION_FAILED",
    );
    const twice = await call(createDraftRoute, {
      path,
      body: { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[0]! }, { rnokpp: a.employees[0]! }] },
    });
    expectError(twice, 400, "DUPLICATE_EMPLOYEE");
    expect(twice.body.error.message).toContain(a.employees[0]!);
    expectError(
      await call(submitRoute, {
        path: "/api/v1/applications",
        body: { draftId: "0b9b3c52-2f0e-4d4a-9a55-6f1e2c3d4b5a", signature: "не base64!" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await call(employeesRoute, { path: `/api/v1/enterprises/12345670/employees`, params: { edrpou: "12345670" } }),
      400,
      "INVALID_EDRPOU",
    );
    expectError(
      await call(employeesRoute, {
        path: `/api/v1/enterprises/${a.edrpou}/employees?limit=5`,
        params: { edrpou: a.edrpou },
      }),
      400,
      "UNKNOWN_FIELD",
    );
    expectError(
      await call(employeesRoute, {
        path: `/api/v1/enterprises/${a.edrpou}/employees?eligible=maybe`,
        params: { edrpou: a.edrpou },
      }),
      400,
      "VALIDATION_FAILED",
    );
    expect(await db.draft.count()).toBe(before);
  });

  it("a token of one enterprise gets 404 on another's enterprise, drafts and applications", async () => {
    expectError(
      await call(employeesRoute, { path: `/api/v1/enterprises/${b.edrpou}/employees`, params: { edrpou: b.edrpou } }),
      404,
      "ENTERPRISE_NOT_FOUND",
    );
    expectError(
      await call(createDraftRoute, {
        path: "/api/v1/applications/drafts",
        body: { edrpou: b.edrpou, employees: [{ rnokpp: b.employees[0]! }] },
      }),
      404,
      "ENTERPRISE_NOT_FOUND",
    );

    const draftB = await call(createDraftRoute, {
      path: "/api/v1/applications/drafts",
      token: tokenB,
      body: { edrpou: b.edrpou, employees: [{ rnokpp: b.employees[0]! }] },
    });
    expect(draftB.status).toBe(201);
    const signatureB = toBase64(sign(b.head.key!, fromBase64(draftB.body.document)));
    expectError(
      await call(submitRoute, {
        path: "/api/v1/applications",
        body: { draftId: draftB.body.draftId, signature: signatureB },
      }),
      404,
      "DRAFT_NOT_FOUND",
    );
    // An annulment submission of a reservation draft: not found either.
    expectError(
      await call(submitAnnulmentRoute, {
        path: "/api/v1/annulments",
        token: tokenB,
        body: { draftId: draftB.body.draftId, signature: signatureB },
      }),
      404,
      "DRAFT_NOT_FOUND",
    );
    const appB = await call(submitRoute, {
      path: "/api/v1/applications",
      token: tokenB,
      body: { draftId: draftB.body.draftId, signature: signatureB },
    });
    expect(appB.status).toBe(202);
    expectError(
      await call(getApplicationRoute, {
        path: `/api/v1/applications/${appB.body.applicationId}`,
        params: { id: appB.body.applicationId },
      }),
      404,
      "APPLICATION_NOT_FOUND",
    );
    expectError(
      await call(getApplicationRoute, { path: "/api/v1/applications/nope", params: { id: "nope" } }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("a stale draft, another signature for a submitted draft, a signature not by the head", async () => {
    const stale = await createReservationDraft(
      createCtx({ actor: a.head.actor, now: new Date(Date.now() - 25 * 3_600_000) }),
      { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[6]! }] },
    );
    expectError(
      await call(submitRoute, {
        path: "/api/v1/applications",
        body: { draftId: stale.draftId, signature: toBase64(sign(a.head.key!, stale.document)) },
      }),
      409,
      "DRAFT_STALE",
    );

    const draft = await call(createDraftRoute, {
      path: "/api/v1/applications/drafts",
      body: { edrpou: a.edrpou, employees: [{ rnokpp: a.employees[6]! }] },
    });
    const document = fromBase64(draft.body.document);
    // B's head signs A's draft: verified, but not A's head.
    expectError(
      await call(submitRoute, {
        path: "/api/v1/applications",
        body: { draftId: draft.body.draftId, signature: toBase64(sign(b.head.key!, document)) },
      }),
      403,
      "SIGNER_NOT_HEAD",
    );
    const first = await call(submitRoute, {
      path: "/api/v1/applications",
      body: { draftId: draft.body.draftId, signature: toBase64(sign(a.head.key!, document)) },
    });
    expect(first.status).toBe(202);
    const later = toBase64(sign(a.head.key!, document, new Date(Date.now() - 5_000)));
    const second = await call(submitRoute, {
      path: "/api/v1/applications",
      body: { draftId: draft.body.draftId, signature: later },
    });
    expectError(second, 409, "DRAFT_ALREADY_SUBMITTED");
    expect(second.body.error.details).toEqual({ applicationId: first.body.applicationId });
  });

  it("tokens: unknown, malformed header, revoked, or of a head who left — 401", async () => {
    const path = `/api/v1/enterprises/${a.edrpou}/employees`;
    const params = { edrpou: a.edrpou };
    expectError(await call(employeesRoute, { path, params, token: `brn_${"A".repeat(43)}` }), 401, "API_TOKEN_INVALID");
    expectError(await call(employeesRoute, { path, params, token: "short" }), 401, "API_TOKEN_INVALID");
    expectError(await call(employeesRoute, { path, params, authorization: `Token ${tokenA}` }), 401, "UNAUTHENTICATED");

    const issued = await issueApiToken(createCtx({ actor: a.head.actor }), { name: "Тимчасовий" });
    expect((await call(employeesRoute, { path, params, token: issued.token })).status).toBe(200);
    await revokeApiToken(createCtx({ actor: a.head.actor }), { tokenId: issued.id });
    expectError(await call(employeesRoute, { path, params, token: issued.token }), 401, "API_TOKEN_REVOKED");

    // The registry names a new head: the old head's tokens stop working.
    await db.enterprise.update({ where: { edrpou: b.edrpou }, data: { headRnokpp: a.head.rnokpp } });
    expectError(
      await call(employeesRoute, {
        path: `/api/v1/enterprises/${b.edrpou}/employees`,
        params: { edrpou: b.edrpou },
        token: tokenB,
      }),
      401,
      "API_TOKEN_INVALID",
    );
    await db.enterprise.update({ where: { edrpou: b.edrpou }, data: { headRnokpp: b.head.rnokpp } });
  });
});
