import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { addDays, addMonths } from "@/lib/rules";
import { signIn } from "./support/auth";
import { runFixture } from "./support/run-fixture";
import { kyivDate } from "@/lib/format";

// The ministry cabinet's journeys: an official grants critical status through the form (and is
// refused while a mandatory criterion is missing), the enterprise's head then reserves through
// the HR API, the official revokes the decision and the reservations are annulled with every
// employee notified; a CSV import with a broken row saves nothing until the file is fixed.
// The official signs with the demo key file the seed wrote (.data/e2e/demo-keys/index.json).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

type FreshEnterprise = {
  edrpou: string;
  name: string;
  head: { rnokpp: string; password: string; keyFile: string; keyPassword: string };
  employees: string[];
};
type State = {
  decisions: Array<{ id: string; number: string; status: string }>;
  marks: Array<{ rnokpp: string; status: string }>;
  notices: Array<{ rnokpp: string; kind: string; count: number }>;
};

function fixture<T>(...args: string[]): T {
  return runFixture<T>("tests/e2e/ministry-fixture.ts", args);
}

function demoKey(userKey: string): { file: string; password: string } {
  const folder = path.join(dataDir, "demo-keys");
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    keys: Array<{ id: string; key: string; file: string; password: string; revoked?: boolean }>;
  };
  const entry = manifest.keys.find((k) => k.key === userKey && !k.revoked);
  if (!entry) throw new Error(`no demo key for ${userKey}`);
  return { file: path.join(folder, entry.file), password: entry.password };
}

/** Opens the key in the page's signer and signs: what an official does with the mouse. */
async function signWithKey(page: Page, key: { file: string; password: string }, submitLabel: string) {
  const signer = page.getByTestId("kep-signer");
  await signer.getByTestId("kep-file").setInputFiles(key.file);
  await signer.getByLabel("Пароль до ключа").fill(key.password);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await signer.getByRole("button", { name: submitLabel }).click();
}

/** Signs a fresh head in over HTTP (the demo helper only knows demo users) and makes the head role active. */
async function signInHead(request: APIRequestContext, enterprise: FreshEnterprise) {
  const csrf = async () => ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const response = await request.post("/api/auth/callback/password", {
    form: {
      csrfToken: await csrf(),
      login: enterprise.head.rnokpp,
      password: enterprise.head.password,
      totp: "",
      json: "true",
    },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as {
    roles: Array<{ role: string; edrpou?: string }>;
    activeRole: { role: string } | null;
  };
  const index = session.roles.findIndex((r) => r.role === "ENTERPRISE_HEAD" && r.edrpou === enterprise.edrpou);
  expect(index, "the fresh head holds the head role").toBeGreaterThanOrEqual(0);
  if (session.activeRole?.role !== "ENTERPRISE_HEAD")
    await request.post("/api/auth/session", { data: { csrfToken: await csrf(), data: { activeRole: index } } });
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const kyivToday = () => kyivDate(new Date());

test.describe("the ministry cabinet", () => {
  test("grant status with the form, the head reserves, revocation annuls and notifies", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const enterprise = fixture<FreshEnterprise>("enterprise", "2", path.join(dataDir, "ministry-e2e"));
    const officialKey = demoKey("official-economy");
    await signIn(page, "official-economy");

    // The form: the register's data appear for a valid ЄДРПОУ, a bad one is explained as typed.
    await page.goto("/ministry/decisions/new");
    await page.getByLabel("Код ЄДРПОУ").fill("32855962");
    await expect(page.locator('[data-field-error="edrpou"]')).toHaveText(
      "Код ЄДРПОУ недійсний: не збігається контрольна цифра",
    );
    await page.getByLabel("Код ЄДРПОУ").fill(enterprise.edrpou);
    await expect(page.getByTestId("enterprise-card")).toContainText(enterprise.name);
    await expect(page.getByTestId("enterprise-card")).toContainText("Вінницька область");

    // A mandatory criterion missing: refused in the browser, nothing prepared.
    await page.getByTestId("criterion-AVERAGE_SALARY").check();
    await page.getByTestId("criterion-STRATEGIC").check();
    await expect(page.getByTestId("criteria-problems")).toContainText(
      "Обов'язковий критерій не виконано: Відсутність заборгованості",
    );
    await page.getByLabel("Кількість військовозобов'язаних працівників").fill("10");
    const number = `E2E-${Date.now()}`;
    await page.getByLabel("Номер рішення").fill(number);
    await page.getByRole("button", { name: "Перевірити й перейти до підпису" }).click();
    await expect(page.getByTestId("form-problems")).toContainText("Відсутність заборгованості");
    await expect(page.getByTestId("kep-signer")).toHaveCount(0);

    await page.getByTestId("criterion-NO_TAX_ARREARS").check();
    await expect(page.getByTestId("criteria-problems")).toHaveCount(0);
    await expect(page.getByTestId("computed-limit")).toContainText("5 осіб");
    await page.getByRole("button", { name: "Перевірити й перейти до підпису" }).click();
    await expect(page.getByTestId("decision-summary")).toContainText(enterprise.edrpou);
    await signWithKey(page, officialKey, "Підписати й ухвалити");
    await expect(page).toHaveURL(/\/ministry\/decisions\/[0-9a-f-]{36}\?done=granted/, { timeout: 30_000 });
    await expect(page.getByTestId("decision-done")).toBeVisible();
    await expect(page.getByTestId("decision-history")).toContainText("Надано статус критично важливого");
    const decisionUrl = page.url().replace(/\?.*$/, "");

    // The decision is in the list at once.
    await page.goto(`/ministry?q=${enterprise.edrpou}`);
    await expect(page.locator(`[data-testid="decision-row"][data-edrpou="${enterprise.edrpou}"]`)).toContainText(
      "Критичне до",
    );

    // The head reserves the two employees through the HR API, signing with the enterprise's key.
    const headContext = await browser.newContext();
    const head = headContext.request;
    await signInHead(head, enterprise);
    const draftResponse = await head.post("/api/v1/applications/drafts", {
      data: { edrpou: enterprise.edrpou, employees: enterprise.employees.map((rnokpp) => ({ rnokpp })) },
    });
    expect(draftResponse.status(), await draftResponse.text()).toBe(201);
    const draft = (await draftResponse.json()) as {
      draftId: string;
      document: string;
      precheck: Array<{ eligible: boolean; messages: string[] }>;
    };
    expect(
      draft.precheck.map((p) => p.eligible),
      JSON.stringify(draft.precheck),
    ).toEqual([true, true]);
    const headKey = openKeyFile(new Uint8Array(readFileSync(enterprise.head.keyFile)), enterprise.head.keyPassword);
    const signature = Buffer.from(
      signDetached(headKey, Uint8Array.from(Buffer.from(draft.document, "base64"))),
    ).toString("base64");
    const submitted = await head.post("/api/v1/applications", { data: { draftId: draft.draftId, signature } });
    expect(submitted.status(), await submitted.text()).toBe(202);
    const { applicationId } = (await submitted.json()) as { applicationId: string };
    await expect
      .poll(
        async () =>
          (await (await head.get(`/api/v1/applications/${applicationId}`)).json()) as {
            status: string;
            counts?: { reserved: number };
          },
        { timeout: 60_000 },
      )
      .toMatchObject({ status: "DECIDED", counts: { reserved: 2 } });
    await headContext.close();

    // The official revokes: the live count of what will be annulled is shown before signing.
    await page.goto(decisionUrl);
    await page.getByRole("button", { name: "Скасувати рішення" }).click();
    await page.getByLabel("Підстава (обов'язково)").fill("Перевірка виявила заборгованість зі сплати ЄСВ (акт № 7)");
    await page.getByRole("button", { name: "Сформувати документ для підпису" }).click();
    await expect(page.getByTestId("revoke-impact")).toContainText("Буде анульовано 2 бронювання");
    await signWithKey(page, officialKey, "Підписати й скасувати");
    await expect(page.getByTestId("change-done")).toContainText("Анульовано 2 бронювання");
    await page.reload();
    await expect(page.getByTestId("decision-history")).toContainText("Рішення скасовано");

    const state = fixture<State>("state", enterprise.edrpou, enterprise.employees.join(","));
    expect(state.decisions).toEqual([expect.objectContaining({ number, status: "REVOKED" })]);
    expect(state.marks.map((m) => m.status).sort()).toEqual(["ANNULLED", "ANNULLED"]);
    for (const rnokpp of enterprise.employees) {
      expect(state.notices, rnokpp).toContainEqual({ rnokpp, kind: "reservation.annulled", count: 1 });
    }
  });

  test("a CSV with a broken row shows the problem and saves nothing until it is fixed", async ({ page }) => {
    test.setTimeout(180_000);
    const first = fixture<FreshEnterprise>("enterprise", "0", path.join(dataDir, "ministry-e2e"));
    const second = fixture<FreshEnterprise>("enterprise", "0", path.join(dataDir, "ministry-e2e"));
    await signIn(page, "official-economy");
    const today = kyivToday();
    const until = dmy(addDays(addMonths(today, 12), -1));
    const header =
      "ЄДРПОУ;Номер рішення;Дата рішення;Критерії;Підстава звільнення;Категорія ліміту;Військовозобов'язаних;Загальна чисельність;Діє з;Діє до";
    const stamp = Date.now();
    const row = (edrpou: string, number: string, criteria: string) =>
      [edrpou, number, dmy(today), criteria, "", "DEFAULT_50", "8", "", dmy(today), until].join(";");
    const csv = (criteriaOfSecond: string) =>
      Buffer.from(
        `\uFEFF${header}\r\n${row(first.edrpou, `ІМП-${stamp}-1`, "AVERAGE_SALARY, NO_TAX_ARREARS, STRATEGIC")}\r\n${row(second.edrpou, `ІМП-${stamp}-2`, criteriaOfSecond)}\r\n`,
        "utf8",
      );

    await page.goto("/ministry/import");
    await page
      .getByLabel("Файл CSV")
      .setInputFiles({ name: "rishennia.csv", mimeType: "text/csv", buffer: csv("AVERAGE_SALARY, STRATEGIC") });
    const rows = page.getByTestId("import-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute("data-valid", "true");
    await expect(rows.nth(1)).toHaveAttribute("data-valid", "false");
    await expect(rows.nth(1)).toContainText("Відсутність заборгованості");
    await expect(page.getByTestId("import-invalid-count")).toHaveText("1");
    await expect(page.getByTestId("kep-signer")).toHaveCount(0);
    expect(fixture<State>("state", first.edrpou, "").decisions).toEqual([]);

    await page.getByRole("button", { name: "Обрати інший файл" }).click();
    await page.getByLabel("Файл CSV").setInputFiles({
      name: "rishennia-vypravleno.csv",
      mimeType: "text/csv",
      buffer: csv("AVERAGE_SALARY, NO_TAX_ARREARS, DIIA_CITY"),
    });
    // The fixed row now cites the register (the enterprise is not a Diia City resident): still nothing to sign.
    await expect(page.getByTestId("import-row").nth(1)).toContainText("Дія.Сіті");
    await page.getByRole("button", { name: "Обрати інший файл" }).click();
    await page.getByLabel("Файл CSV").setInputFiles({
      name: "rishennia-vypravleno.csv",
      mimeType: "text/csv",
      buffer: csv("AVERAGE_SALARY, NO_TAX_ARREARS, SECTORAL_OR_REGIONAL"),
    });
    await expect(page.locator('[data-testid="import-row"][data-valid="true"]')).toHaveCount(2);
    await signWithKey(page, demoKey("official-economy"), "Підписати й внести пакет");
    await expect(page.getByTestId("import-done")).toContainText("Внесено рішень: 2");
    expect(fixture<State>("state", first.edrpou, "").decisions).toEqual([
      expect.objectContaining({ status: "ACTIVE", number: `ІМП-${stamp}-1` }),
    ]);
    expect(fixture<State>("state", second.edrpou, "").decisions).toEqual([
      expect.objectContaining({ status: "ACTIVE", number: `ІМП-${stamp}-2` }),
    ]);
  });

  test("an official cannot reach the administration, nor another authority's decision; an administrator cannot decide", async ({
    page,
    browser,
  }) => {
    await signIn(page, "official-economy");
    await page.goto("/admin");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const list = await page.request.get("/ministry/export");
    expect(list.ok()).toBe(true);
    const bytes = await list.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^ЄДРПОУ;Підприємство;/);

    // A decision of Мінекономіки, opened by the Kharkiv ОВА's official: not found, its documents too.
    await page.goto("/ministry?status=ACTIVE");
    const href = await page.getByTestId("decision-row").first().getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/ministry\/decisions\//);
    const ova = await browser.newContext();
    const ovaPage = await ova.newPage();
    await signIn(ovaPage, "official-ova");
    const response = await ovaPage.goto(href!);
    expect(response?.status()).toBe(404);
    await ova.close();

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signIn(adminPage, "admin");
    await adminPage.goto("/ministry/decisions/new");
    await expect(adminPage.getByTestId("forbidden")).toBeVisible();
    await adminPage.goto("/admin");
    await expect(adminPage.getByTestId("authority-row").first()).toBeVisible();
    await admin.close();
  });
});
