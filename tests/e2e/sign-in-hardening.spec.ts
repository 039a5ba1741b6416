import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoUser } from "@/prisma/seed/demo-users";
import { signIn } from "./support/auth";

// Sign-in and sign-out as an attacker would try them: `next` pointing elsewhere, a cookie copied
// before sign-out, a wrong password told apart from a missing login, and server actions posted
// from another site, too large or malformed. (The e2e server trusts the test as its proxy, so
// each test names its own client address and the login throttle of one does not touch another.)

async function passwordAttempt(request: APIRequestContext, login: string, password: string, address: string) {
  const csrf = ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const response = await request.post("/api/auth/callback/password", {
    form: { csrfToken: csrf, login, password, totp: "", json: "true" },
    headers: { "x-forwarded-for": address },
  });
  return { status: response.status(), body: await response.text() };
}

for (const next of [
  "/\\evil.example",
  "//evil.example",
  "/%5Cevil.example",
  "https://evil.example/company",
  "/%2F%2Fevil.example",
]) {
  test(`after sign-in, next=${JSON.stringify(next)} stays on the portal`, async ({ page }) => {
    const head = demoUser("head-big");
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    const form = page.locator("form").filter({ has: page.getByLabel("Пароль", { exact: true }) });
    await form.getByLabel("Логін").fill(head.login);
    await form.getByLabel("Пароль", { exact: true }).fill(head.password);
    await form.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(new URL(page.url()).pathname).toMatch(/^\/(company|login\/role)/);
  });
}

test("a same-origin next is kept", async ({ page }) => {
  const head = demoUser("head-big");
  await page.goto(`/login?next=${encodeURIComponent("/company/employees?q=Коваль")}`);
  const form = page.locator("form").filter({ has: page.getByLabel("Пароль", { exact: true }) });
  await form.getByLabel("Логін").fill(head.login);
  await form.getByLabel("Пароль", { exact: true }).fill(head.password);
  await form.getByRole("button", { name: "Увійти" }).click();
  // This head holds several roles: the role picker keeps `next` and goes there once a role is chosen.
  await page.waitForURL((url) => url.pathname === "/login/role");
  await page
    .getByRole("button", { name: /Керівник підприємства/ })
    .first()
    .click();
  await page.waitForURL((url) => url.pathname === "/company/employees");
  expect(new URL(page.url()).searchParams.get("q")).toBe("Коваль");
});

test("signing out revokes the session: a cookie copied before stops working at once", async ({ page, browser }) => {
  await signIn(page, "conscript-reserved");
  const copied = await page.context().cookies();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  expect((await thiefPage.request.get("/api/v1/me/status")).status()).toBe(200);
  await thiefPage.goto("/me");
  await expect(thiefPage).toHaveURL(/\/me$/);

  await page.goto("/me");
  await page.getByRole("button", { name: "Вийти" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  expect((await thiefPage.request.get("/api/v1/me/status")).status()).toBe(401);
  await thiefPage.goto("/me");
  await expect(thiefPage).toHaveURL(/\/login/);
  await thief.close();
});

test("a wrong password and a missing login get the same answer", async ({ request }) => {
  const wrong = await passwordAttempt(request, demoUser("head-small").login, "not-the-password", "198.51.100.201");
  const missing = await passwordAttempt(request, "3999999990", "not-the-password", "198.51.100.202");
  expect(wrong.status).toBe(missing.status);
  expect(wrong.body.replace(/login=[^&"]*/g, "")).toBe(missing.body.replace(/login=[^&"]*/g, ""));
  expect(wrong.body).toContain("INVALID_CREDENTIALS");
});

test.describe("server actions refuse what no page of the portal sends, with a 4xx", () => {
  const actionHeaders = (extra: Record<string, string>) => ({
    "next-action": "0".repeat(42),
    "content-type": "text/plain;charset=UTF-8",
    ...extra,
  });

  test("a foreign or missing Origin: 403", async ({ request, baseURL }) => {
    const foreign = await request.post("/login", {
      headers: actionHeaders({ origin: "https://evil.example" }),
      data: "[]",
    });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    const spoofedPort = await request.post("/login", {
      headers: actionHeaders({ origin: baseURL!.replace(/:\d+$/, ":1") }),
      data: "[]",
    });
    expect(spoofedPort.status()).toBe(403);
  });

  test("an oversized body: 413; a content type no form sends: 400", async ({ request, baseURL }) => {
    const big = await request.post("/login", {
      headers: actionHeaders({ origin: baseURL! }),
      data: "x".repeat(2 * 1024 * 1024),
    });
    expect(big.status()).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    const json = await request.post("/login", {
      headers: actionHeaders({ origin: baseURL!, "content-type": "application/json" }),
      data: "{}",
    });
    expect(json.status()).toBe(400);
  });

  test("a malformed body, to a real action or an unknown one: 400, not a 500", async ({ request, baseURL }) => {
    // The login page's own action (demo mode), as its HTML names it.
    const realAction = /\b([0-9a-f]{42})\b/.exec(await (await request.get("/login")).text())?.[1];
    expect(realAction).toBeTruthy();
    for (const action of [realAction!, "0".repeat(42)]) {
      for (const data of ["[", "\u0000\u0001", '{"x":', '"$Q99"', '["$K1"]', '["$@1"]']) {
        const response = await request.post("/login", {
          headers: { ...actionHeaders({ origin: baseURL! }), "next-action": action },
          data,
        });
        expect(response.status(), `${action} ${JSON.stringify(data)}`).toBe(400);
      }
      for (const [name, value] of [
        ["0", "["],
        ["0", '"$Q1"'],
        ["1", "x"],
      ]) {
        const response = await request.post("/login", {
          headers: { "next-action": action, origin: baseURL! },
          multipart: { [name!]: value! },
        });
        expect(response.status(), `${action} multipart ${name}=${value}`).toBe(400);
      }
    }
    // The well-formed call still works.
    const ok = await request.post("/login", {
      headers: { ...actionHeaders({ origin: baseURL! }), "next-action": realAction! },
      data: '["head-big"]',
    });
    expect(ok.status()).toBe(200);
  });
});
