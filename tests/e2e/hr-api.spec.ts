import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { signIn } from "./support/auth";

// The HR API end to end against the production build, as an enterprise's HR system uses it:
// with the demo head's token (from the demo-keys manifest) and the demo head's key file, a
// draft of employees, a signed submission, a decision with a reason per employee within
// seconds; a token of one enterprise gets 404 on another's data; the session works as well,
// but an authorized person cannot submit; the docs page and the OpenAPI document are served.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const keysFolder = path.join(path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"), "demo-keys");

type Entry = { id: string; key: string; edrpou?: string; file: string; password: string; apiToken?: string };

function demoKey(id: string): Entry & { path: string } {
  const manifest = JSON.parse(readFileSync(path.join(keysFolder, "index.json"), "utf8")) as { keys: Entry[] };
  const entry = manifest.keys.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no demo key ${id} in ${keysFolder}/index.json`);
  return { ...entry, path: path.join(keysFolder, entry.file) };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function waitForDecision(request: APIRequestContext, token: string, id: string) {
  const started = Date.now();
  for (;;) {
    const response = await request.get(`/api/v1/applications/${id}`, { headers: bearer(token) });
    expect(response.status()).toBe(200);
    const body = await response.json();
    if (body.status === "DECIDED") return { body, ms: Date.now() - started };
    expect(Date.now() - started, "decided within 10 s").toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.describe("HR API v1", () => {
  test("a demo head's token and key: list, draft, sign, submit, a decision with reasons in seconds", async ({
    request,
  }) => {
    const head = demoKey("head-small");
    expect(head.apiToken, "the manifest lists the head's API token").toMatch(/^brn_/);
    const token = head.apiToken!;

    const list = await request.get(`/api/v1/enterprises/${head.edrpou}/employees?pageSize=50`, {
      headers: bearer(token),
    });
    expect(list.status()).toBe(200);
    const employees = (await list.json()) as {
      items: Array<{ rnokpp: string; eligible: boolean; reasons: string[] }>;
      total: number;
    };
    expect(employees.total).toBeGreaterThan(0);
    const listed = employees.items.slice(0, 5).map((e) => ({ rnokpp: e.rnokpp }));

    const draft = await request.post("/api/v1/applications/drafts", {
      headers: bearer(token),
      data: { edrpou: head.edrpou, employees: listed },
    });
    expect(draft.status()).toBe(201);
    const drafted = await draft.json();
    expect(drafted.precheck).toHaveLength(listed.length);

    const key = openKeyFile(new Uint8Array(readFileSync(head.path)), head.password);
    const signature = Buffer.from(signDetached(key, new Uint8Array(Buffer.from(drafted.document, "base64")))).toString(
      "base64",
    );
    const submitted = await request.post("/api/v1/applications", {
      headers: bearer(token),
      data: { draftId: drafted.draftId, signature },
    });
    expect(submitted.status()).toBe(202);
    const { applicationId } = await submitted.json();

    const { body, ms } = await waitForDecision(request, token, applicationId);
    expect(ms).toBeLessThan(10_000);
    expect(body.items).toHaveLength(listed.length);
    for (const item of body.items) {
      expect(["RESERVED", "REFUSED"]).toContain(item.decision);
      if (item.decision === "REFUSED") expect(item.reasons.length).toBeGreaterThan(0);
      else expect(item.reservedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // The pre-check said what the decision says (nothing changed in between).
    expect(body.items.map((i: { reasons: string[] }) => i.reasons)).toEqual(
      drafted.precheck.map((p: { reasons: string[] }) => p.reasons),
    );

    // The same signature again: the same application.
    const again = await request.post("/api/v1/applications", {
      headers: bearer(token),
      data: { draftId: drafted.draftId, signature },
    });
    expect(await again.json()).toMatchObject({ applicationId, repeated: true });
  });

  test("a token of one enterprise gets 404 on another's data; a bad token 401", async ({ request }) => {
    const small = demoKey("head-small");
    const big = demoKey("head-big");
    const foreign = await request.get(`/api/v1/enterprises/${big.edrpou}/employees`, {
      headers: bearer(small.apiToken!),
    });
    expect(foreign.status()).toBe(404);
    expect((await foreign.json()).error.code).toBe("ENTERPRISE_NOT_FOUND");
    const bad = await request.get(`/api/v1/enterprises/${small.edrpou}/employees`, {
      headers: bearer(`brn_${"x".repeat(43)}`),
    });
    expect(bad.status()).toBe(401);
    expect((await bad.json()).error.code).toBe("API_TOKEN_INVALID");
    const none = await request.get(`/api/v1/enterprises/${small.edrpou}/employees`);
    expect(none.status()).toBe(401);
  });

  test("with the session: an authorized person prepares a draft but cannot submit", async ({ page }) => {
    await signIn(page, "authorized-big");
    const big = demoKey("head-big");
    const list = await page.request.get(`/api/v1/enterprises/${big.edrpou}/employees?eligible=true&pageSize=2`);
    expect(list.status()).toBe(200);
    const [first] = (await list.json()).items as Array<{ rnokpp: string }>;
    const draft = await page.request.post("/api/v1/applications/drafts", {
      data: { edrpou: big.edrpou, employees: [{ rnokpp: first!.rnokpp }] },
    });
    expect(draft.status()).toBe(201);
    const { draftId } = await draft.json();
    const submit = await page.request.post("/api/v1/applications", { data: { draftId, signature: "MAA=" } });
    expect(submit.status()).toBe(403);
    expect((await submit.json()).error.code).toBe("FORBIDDEN");
  });

  test("the documentation page and the OpenAPI document", async ({ page, request }) => {
    const openapi = await request.get("/api/v1/openapi.json");
    expect(openapi.status()).toBe(200);
    expect((await openapi.json()).openapi).toBe("3.1.0");
    await page.goto("/api/v1/docs");
    await expect(page.getByRole("heading", { level: 1, name: "HR API v1" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Чернетка заяви про бронювання" })).toBeVisible();
    await expect(page.getByText("DUPLICATE_EMPLOYEE").first()).toBeVisible();
  });
});
