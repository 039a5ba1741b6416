import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getApplicationRoute } from "@/app/api/v1/applications/[id]/route";
import { POST as createDraftRoute } from "@/app/api/v1/applications/drafts/route";
import { POST as submitRoute } from "@/app/api/v1/applications/route";
import { POST as createAnnulmentDraftRoute } from "@/app/api/v1/annulments/drafts/route";
import { POST as submitAnnulmentRoute } from "@/app/api/v1/annulments/route";
import { GET as employeesRoute } from "@/app/api/v1/enterprises/[edrpou]/employees/route";
import { POST as searchEmployeesRoute } from "@/app/api/v1/enterprises/[edrpou]/employees/search/route";
import { issueApiToken } from "@/lib/api-tokens";
import type { Role, RoleOption } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { RULES_AUTHORITY_CODE } from "@/lib/rulesets/load-methodologist";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { createMilitaryUnit, createRecruitmentCentre, createUser } from "@/prisma/seed/factories/portal";
import { createCtx } from "@/lib/context-server";
import { createTcc } from "@/prisma/seed/factories/registry";

// Arbitrary and adversarial input at the boundary — wrong types, huge and unicode (RTL, NUL)
// strings, SQL- and HTML-looking text, deep JSON, a 5 MB body — at every HR API endpoint, every
// server action (as a principal its client admits, so the schema is what answers) and the CSV
// import: a 2xx, or a 4xx with {error:{code,message}}; never a 500, never a stack trace, and a
// refused request writes nothing. Runs are bounded (fast-check numRuns) to keep the suite quick.

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
let session: Record<string, unknown> | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "fuzz", origin: "http://localhost:3000", host: "localhost:3000" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
}));

const RUNS = 30;
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ unit: "grapheme", maxLength: 64 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE applications; --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u202Eпідпис\u202C",
    "\u0000",
    "%E0%A4%A",
    "\\",
    "../../etc/passwd",
    "3333407195",
    "12345678",
    "NaN",
    "-1",
    "1e309",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "😀".repeat(50),
    "x".repeat(100_000),
  ),
);
const deep = (depth: number): unknown => (depth === 0 ? "дно" : { a: [deep(depth - 1)] });
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { maxDepth: 4 },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("any"), { maxLength: 5 }),
    fc.dictionary(nasty, tie("any"), { maxKeys: 5 }),
  ),
})).any;
const body = fc.oneof(
  value,
  fc.record({ edrpou: value, employees: value }),
  fc.record({
    edrpou: value,
    ground: value,
    employees: fc.array(fc.record({ rnokpp: value, salary: value }), { maxLength: 5 }),
  }),
  fc.record({ draftId: value, signature: value }),
  fc.constant(deep(2_000)),
);

let a: World;
let token: string;
const ids: Record<string, { uid: string; rnokpp: string | null; fullName: string; option: RoleOption }> = {};

async function counts() {
  const [drafts, applications, signed, audit, reservations] = await Promise.all([
    db.draft.count(),
    db.application.count(),
    db.signedDocument.count(),
    db.auditLog.count(),
    db.reservation.count(),
  ]);
  return { drafts, applications, signed, audit, reservations };
}

function expectCleanAnswer(status: number, text: string, what: string) {
  expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text, what).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.tsx?:\d+/);
  if (status >= 400) {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code, what).toBe("string");
    expect(typeof parsed.error?.message, what).toBe("string");
  }
}

async function send(
  handler: (r: Request, c: { params: Promise<any> }) => Promise<Response>,
  path: string,
  init: { method: string; body?: string; params?: Record<string, string> },
) {
  const request = new Request(`http://localhost:3000${path}`, {
    method: init.method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), {
    serial: 71,
    employees: 3,
    limitCount: 3,
    withAuthorizedPerson: true,
  });
  token = (await issueApiToken(createCtx({ actor: a.head.actor }), { name: "Fuzz" })).token;
  const option = (role: Role, extra: Partial<RoleOption> = {}): RoleOption => ({ role, label: role, ...extra });
  const { user: admin } = await createUser(db, { role: "ADMIN", fullName: "Адмін Фаз Петрович" });
  const { user: official } = await createUser(db, {
    role: "OFFICIAL",
    authorityId: a.authorityId,
    fullName: "Посадова Фаз Іванівна",
  });
  const unit = await createMilitaryUnit(db);
  const { user: recruiter } = await createUser(db, {
    role: "RECRUITER",
    unitId: unit.id,
    fullName: "Рекрутер Фаз Олегович",
  });
  const { user: staffOfficer } = await createUser(db, {
    role: "UNIT_STAFF_OFFICER",
    unitId: unit.id,
    fullName: "Стройовий Фаз Іванович",
  });
  const economy =
    (await db.authority.findUnique({ where: { code: RULES_AUTHORITY_CODE } })) ??
    (await db.authority.create({
      data: {
        code: RULES_AUTHORITY_CODE,
        name: "Міністерство економіки України",
        shortName: "Мінекономіки",
        kind: "MINISTRY",
        edrpou: "37508596",
        kvedSections: [],
      },
    }));
  const { user: methodologist } = await createUser(db, {
    role: "METHODOLOGIST",
    authorityId: economy.id,
    fullName: "Методолог Фаз Ігорович",
  });
  const conscript = await db.user.create({ data: { rnokpp: a.employees[0]!, fullName: "Працівник Фаз Іванович" } });
  const tcc = await createTcc(db, { name: "Печерський РТЦК та СП" });
  const { user: tckHead } = await createUser(db, {
    role: "TCK_HEAD",
    tcc: tcc.name,
    fullName: "Начальник Фаз Петрович",
  });
  const centre = await createRecruitmentCentre(db);
  const { user: centreRecruiter } = await createUser(db, {
    role: "CENTRE_RECRUITER",
    centreId: centre.id,
    fullName: "Рекрутер Центру Фаз",
  });
  Object.assign(ids, {
    admin: { uid: admin.id, rnokpp: admin.rnokpp, fullName: admin.fullName, option: option("ADMIN") },
    ministry: {
      uid: official.id,
      rnokpp: official.rnokpp,
      fullName: official.fullName,
      option: option("OFFICIAL", { authorityId: a.authorityId }),
    },
    company: {
      uid: a.head.userId,
      rnokpp: a.head.rnokpp,
      fullName: a.head.fullName,
      option: option("ENTERPRISE_HEAD", { edrpou: a.edrpou }),
    },
    me: { uid: conscript.id, rnokpp: conscript.rnokpp, fullName: conscript.fullName, option: option("CONSCRIPT") },
    methodology: {
      uid: methodologist.id,
      rnokpp: methodologist.rnokpp,
      fullName: methodologist.fullName,
      option: option("METHODOLOGIST", { authorityId: economy.id }),
    },
    unit: {
      uid: recruiter.id,
      rnokpp: recruiter.rnokpp,
      fullName: recruiter.fullName,
      option: option("RECRUITER", { unitId: unit.id }),
    },
    staff: {
      uid: staffOfficer.id,
      rnokpp: staffOfficer.rnokpp,
      fullName: staffOfficer.fullName,
      option: option("UNIT_STAFF_OFFICER", { unitId: unit.id }),
    },
    tck: {
      uid: tckHead.id,
      rnokpp: tckHead.rnokpp,
      fullName: tckHead.fullName,
      option: option("TCK_HEAD", { tcc: tcc.name }),
    },
    centre: {
      uid: centreRecruiter.id,
      rnokpp: centreRecruiter.rnokpp,
      fullName: centreRecruiter.fullName,
      option: option("CENTRE_RECRUITER", { centreId: centre.id }),
    },
  });
});

describe("the HR API under arbitrary input", () => {
  const endpoints = [
    ["POST /api/v1/applications/drafts", createDraftRoute],
    ["POST /api/v1/annulments/drafts", createAnnulmentDraftRoute],
    ["POST /api/v1/applications", submitRoute],
    ["POST /api/v1/annulments", submitAnnulmentRoute],
  ] as const;

  it.each(endpoints)(
    "%s: JSON of any shape and raw text answer 2xx or a coded 4xx, and a refusal writes nothing",
    async (name, handler) => {
      const path = name.split(" ")[1]!;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            body.map((b) => JSON.stringify(b) ?? "null"),
            nasty,
          ),
          async (raw) => {
            const before = await counts();
            const answer = await send(handler, path, { method: "POST", body: raw });
            expectCleanAnswer(answer.status, answer.text, `${name} ${raw.slice(0, 80)}`);
            if (answer.status >= 400) expect(await counts()).toEqual(before);
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );

  it("POST …/employees/search: JSON of any shape and raw text answer 2xx or a coded 4xx", async () => {
    const path = `/api/v1/enterprises/${a.edrpou}/employees/search`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          body.map((b) => JSON.stringify(b) ?? "null"),
          nasty,
        ),
        async (raw) => {
          const answer = await send(searchEmployeesRoute, path, {
            method: "POST",
            body: raw,
            params: { edrpou: a.edrpou },
          });
          expectCleanAnswer(answer.status, answer.text, `search ${raw.slice(0, 80)}`);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("a 5 MB body is refused with 413 and nothing written", async () => {
    const before = await counts();
    const answer = await send(createDraftRoute, "/api/v1/applications/drafts", {
      method: "POST",
      body: JSON.stringify({ edrpou: a.edrpou, employees: [{ rnokpp: "x".repeat(5_000_000) }] }),
    });
    expectCleanAnswer(answer.status, answer.text, "5 MB");
    expect(answer.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("path parameters and query strings of any kind", async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        fc.dictionary(fc.constantFrom("page", "pageSize", "q", "eligible", "state", "sort", "reason", "x"), nasty, {
          maxKeys: 4,
        }),
        async (segment, query) => {
          const id = encodeURIComponent(segment);
          const one = await send(getApplicationRoute, `/api/v1/applications/${id}`, {
            method: "GET",
            params: { id: segment },
          });
          expectCleanAnswer(one.status, one.text, `applications/${segment.slice(0, 40)}`);
          const search = new URLSearchParams(query as Record<string, string>).toString();
          const list = await send(employeesRoute, `/api/v1/enterprises/${a.edrpou}/employees?${search}`, {
            method: "GET",
            params: { edrpou: a.edrpou },
          });
          expectCleanAnswer(list.status, list.text, `employees?${search.slice(0, 80)}`);
          const other = await send(employeesRoute, `/api/v1/enterprises/${id}/employees`, {
            method: "GET",
            params: { edrpou: segment },
          });
          expectCleanAnswer(other.status, other.text, `enterprises/${segment.slice(0, 40)}`);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});

// Every server action module of the app (found in app/), with the cabinet whose client admits it.
const ACTION_MODULES = import.meta.glob(["/app/**/actions.ts", "/app/**/*-actions.ts"]);

describe("every server action's schema under arbitrary input", () => {
  it('covers every "use server" file', () => {
    expect(Object.keys(ACTION_MODULES).length).toBeGreaterThanOrEqual(11);
  });

  it.each(Object.keys(ACTION_MODULES))(
    "%s: a result or a coded refusal, never INTERNAL, and a refusal writes nothing",
    async (name) => {
      const cabinet = name.split("/")[2]!.replace("(auth)", "company").replace("ministry", "ministry");
      const who = ids[cabinet]!;
      const mod = (await ACTION_MODULES[name]!()) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(
        (entry): entry is [string, (input: unknown) => Promise<unknown>] => typeof entry[1] === "function",
      );
      expect(actions.length).toBeGreaterThan(0);
      session = {
        uid: who.uid,
        rnokpp: who.rnokpp,
        fullName: who.fullName,
        roles: [who.option],
        activeRole: who.option,
        via: "password",
      };
      for (const [actionName, action] of actions) {
        await fc.assert(
          fc.asyncProperty(value, async (input) => {
            const before = await counts();
            let result: unknown;
            try {
              result = await action(input);
            } catch (error) {
              const digest = (error as { digest?: string }).digest ?? "";
              // The search form answers with a redirect; anything else thrown is a failure.
              expect(digest, `${name}#${actionName} threw ${(error as Error).message}`).toMatch(/^NEXT_REDIRECT/);
              return;
            }
            if (actionName === "demoCredentials") return; // demo mode only: null outside it
            const shaped = result as { ok: boolean; error?: { code: string; message: string } };
            expect(typeof shaped.ok, `${name}#${actionName}`).toBe("boolean");
            if (!shaped.ok) {
              expect(
                shaped.error!.code,
                `${name}#${actionName}(${JSON.stringify(input)?.slice(0, 200)}): ${shaped.error!.message}`,
              ).not.toBe("INTERNAL");
              expect(typeof shaped.error!.message).toBe("string");
              expect(await counts(), `${name}#${actionName} wrote while refusing`).toEqual(before);
            }
          }),
          { numRuns: 12 },
        );
      }
    },
    300_000,
  );
});

describe("the CSV import under arbitrary files", () => {
  it("previews any text as a result with problems, or a coded refusal", async () => {
    const official = ids.ministry!;
    session = {
      uid: official.uid,
      rnokpp: official.rnokpp,
      fullName: official.fullName,
      roles: [official.option],
      activeRole: official.option,
      via: "password",
    };
    const { previewImportAction } = await import("@/app/ministry/import/actions");
    const header = "edrpou,number,decidedOn,criteria,limitCategory,validFrom,validUntil";
    const line = fc
      .array(nasty, { minLength: 1, maxLength: 9 })
      .map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","));
    const text = fc.oneof(
      nasty,
      fc.array(line, { maxLength: 6 }).map((lines) => [header, ...lines].join("\n")),
      fc.constant(`${header}\n${"1,".repeat(200_000)}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant("рішення.csv"), nasty), text, async (name, content) => {
        const before = await counts();
        const result = (await previewImportAction({ name, text: content })) as {
          ok: boolean;
          error?: { code: string };
        };
        if (!result.ok) expect(result.error!.code).not.toBe("INTERNAL");
        expect(await counts()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
