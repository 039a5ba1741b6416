import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// Every response carries the portal's security headers: the test walks the app's own route tree
// (every app/**/page.tsx and route.ts, so a new route is covered the day it is added), as an
// anonymous visitor and as the cabinet's own role, plus static files, the status route served
// before Next and a 404. Pages' scripts all carry this request's nonce, and the browser reports
// no CSP violation on the pages that sign, chart, draw a QR code or download a PDF.

const APP = path.resolve("app");

/** app/(auth)/login/page.tsx → /login; dynamic segments get a value that exists nowhere. */
function routeOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  const filled = segments.map((segment) => {
    if (segment === "[...nextauth]") return "session";
    if (/^\[.*\]$/.test(segment)) return "00000000-0000-4000-8000-000000000000";
    return segment;
  });
  return `/${filled.join("/")}`;
}

function routeFiles(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "page.tsx" || entry.name === "route.ts" ? [full] : [];
  });
}

const ROUTES = routeFiles().map((file) => ({ file: path.relative(APP, file), url: routeOf(file) }));

const CABINET_OWNER: Record<
  string,
  { key: string; role?: "ENTERPRISE_HEAD" | "OFFICIAL" | "CONSCRIPT" | "RECRUITER" | "ADMIN" }
> = {
  company: { key: "head-big" },
  ministry: { key: "official-economy" },
  me: { key: "conscript-reserved" },
  unit: { key: "recruiter" },
  admin: { key: "admin" },
};

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
  expect(csp, `${what}: CSP`).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp, `${what}: frame-ancestors`).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], `${what}: Permissions-Policy`).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], `${what}: COOP`).toBe("same-origin");
  // The e2e portal runs on http://localhost: no HSTS there (lib/http/security-headers.test.ts covers https).
  expect(headers["strict-transport-security"], `${what}: HSTS on http`).toBeUndefined();
}

async function walk(request: APIRequestContext, urls: string[], label: string) {
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), `${label} ${url}`).toBeLessThan(500);
    expectSecurityHeaders(response, `${label} GET ${url} → ${response.status()}`);
  }
}

test("the route tree is what the walk covers", () => {
  expect(ROUTES.length).toBeGreaterThan(50);
  expect(ROUTES.map((route) => route.url)).toContain("/login");
  expect(ROUTES.map((route) => route.url)).toContain("/api/v1/applications/00000000-0000-4000-8000-000000000000");
});

test("every route answers an anonymous visitor with the security headers", async ({ request }) => {
  test.setTimeout(120_000);
  await walk(
    request,
    ROUTES.map((route) => route.url),
    "anonymous",
  );
  // Methods the routes refuse, and what is not a route at all.
  for (const [method, url] of [
    ["POST", "/api/v1/applications"],
    ["DELETE", "/api/health"],
    ["GET", "/no-such-page"],
    ["POST", "/login"],
  ] as const) {
    const response = await request.fetch(url, { method, maxRedirects: 0, data: method === "POST" ? "{}" : undefined });
    expect(response.status(), `${method} ${url}`).toBeLessThan(500);
    expectSecurityHeaders(response, `${method} ${url}`);
  }
});

for (const [cabinet, owner] of Object.entries(CABINET_OWNER)) {
  test(`every route of /${cabinet} answers its own role with the security headers`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, owner.key);
    await walk(
      page.request,
      ROUTES.filter((route) => route.url.startsWith(`/${cabinet}`)).map((route) => route.url),
      owner.key,
    );
  });
}

test("static files and the status route served before Next carry them too", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk, "a script chunk on /login").toBeTruthy();
  const css = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  for (const url of [
    chunk!,
    ...(css ? [css] : []),
    "/favicon.ico",
    "/manifest.webmanifest",
    "/robots.txt",
    "/serwist/sw.js",
    "/api/v1/me/status",
  ]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
    expectSecurityHeaders(response, url);
  }
});

test("each page gets its own nonce, and every script it renders carries it", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonceOf = (response: APIResponse) =>
    /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonceOf(first)).toBeTruthy();
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonceOf(first)}"`);
  // A nonce the client sends in its own CSP header is not the one the page gets.
  const forged = await request.get("/login", {
    headers: { "content-security-policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='" },
  });
  expect(nonceOf(forged)).not.toBe("AAAAAAAAAAAAAAAAAAAAAA==");
  expect(await forged.text()).not.toContain('nonce="AAAAAAAAAAAAAAAAAAAAAA=="');
});

async function visitWithoutViolations(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text()))
      violations.push(message.text());
  });
  await page.goto(url);
  await ready(page);
  expect(violations, `${url}: CSP violations`).toEqual([]);
}

test("the signer, the charts, the QR code and the login page run under the policy", async ({ browser }) => {
  test.setTimeout(120_000);
  const anonymous = await browser.newPage();
  await visitWithoutViolations(anonymous, "/login", async (page) => {
    await expect(page.getByRole("button", { name: "Увійти" }).first()).toBeEnabled();
  });
  await anonymous.close();

  const official = await browser.newPage();
  await signIn(official, "official-economy");
  await visitWithoutViolations(official, "/ministry/dashboard", async (page) => {
    // The dashboard draws its charts as HTML bars with data tables (issue 15).
    await expect(page.getByRole("table").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  });
  await official.close();

  const conscript = await browser.newPage();
  await signIn(conscript, "conscript-reserved");
  await visitWithoutViolations(conscript, "/me/document", async (page) => {
    await expect(
      page
        .getByRole("img", { name: "QR-код для перевірки документа" })
        .or(page.getByRole("button", { name: /Отримати|Сформувати|Оновити/ }))
        .first(),
    ).toBeVisible();
  });
  await conscript.close();

  const head = await browser.newPage();
  await signIn(head, "head-big");
  await visitWithoutViolations(head, "/company/applications/new", async (page) => {
    await expect(page.getByRole("heading").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
  });
  await head.close();
});
