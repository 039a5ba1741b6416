import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { runFixture } from "./support/run-fixture";

// Helpers of the company cabinet's journeys: a fresh enterprise from company-fixture.ts (run
// in its own process), a password sign-in over HTTP with the wanted role, and signing — in the
// page with the real <KepSigner>, or in Node for API calls.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");

export type Person = { rnokpp: string; fullName: string };
export type Login = Person & { password: string; keyFile: string; keyPassword: string };
export type Enterprise = {
  edrpou: string;
  name: string;
  head: Login;
  authorized: Login;
  eligible: [Person, Person, Person];
  lowSalary: Person;
  conscript: Person;
};

export function fixture<T>(...args: string[]): T {
  return runFixture<T>("tests/e2e/company-fixture.ts", args);
}

export const freshEnterprise = () => fixture<Enterprise>("enterprise", path.join(dataDir, "company-e2e"));

/** Signs a fixture user in over HTTP (as the login form does) and makes the wanted role active. */
export async function signInAs(
  request: APIRequestContext,
  login: Login,
  role: "ENTERPRISE_HEAD" | "AUTHORIZED_PERSON",
  edrpou: string,
) {
  const csrf = async () => ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const response = await request.post("/api/auth/callback/password", {
    form: { csrfToken: await csrf(), login: login.rnokpp, password: login.password, totp: "", json: "true" },
  });
  expect(response.ok(), `sign-in of ${login.fullName}`).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as {
    roles: Array<{ role: string; edrpou?: string }>;
    activeRole: { role: string; edrpou?: string } | null;
  };
  const index = session.roles.findIndex((r) => r.role === role && r.edrpou === edrpou);
  expect(index, `${login.fullName} holds ${role}`).toBeGreaterThanOrEqual(0);
  if (session.activeRole?.role !== role || session.activeRole.edrpou !== edrpou) {
    await request.post("/api/auth/session", { data: { csrfToken: await csrf(), data: { activeRole: index } } });
  }
}

/** Opens the signing dialog of a draft's step 4 (the signer sits behind «Підписати КЕП»). */
export async function openSigner(page: Page) {
  await page.getByTestId("kep-open").click();
  await expect(page.getByTestId("kep-dialog")).toBeVisible();
  return page.getByTestId("kep-signer");
}

/** What a head does with the mouse: open the signer, pick the key file, type its password, read it, sign. */
export async function signWithKey(page: Page, key: { keyFile: string; keyPassword: string }, submitLabel: string) {
  const signer = await openSigner(page);
  await signer.getByTestId("kep-file").setInputFiles(key.keyFile);
  await signer.getByLabel("Пароль до ключа").fill(key.keyPassword);
  await signer.getByRole("button", { name: "Зчитати ключ" }).click();
  await expect(signer.getByTestId("kep-identity")).toBeVisible();
  await signer.getByRole("button", { name: submitLabel }).click();
}

export const tick = (page: Page, person: Person) =>
  page.getByRole("checkbox", { name: `Обрати: ${person.fullName}` }).check();
export const resultRow = (page: Page, person: Person) =>
  page.locator(`[data-testid="result-row"][data-rnokpp="${person.rnokpp}"]`);

export function signFile(key: Login, bytes: Uint8Array): string {
  const opened = openKeyFile(new Uint8Array(readFileSync(key.keyFile)), key.keyPassword);
  return Buffer.from(signDetached(opened, bytes)).toString("base64");
}
