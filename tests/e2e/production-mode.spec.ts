import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { authenticator } from "otplib";
import { DEMO_USERS } from "@/prisma/seed/demo-users";

// `npm start` as an operator runs it: the production launcher (DEMO_MODE unset) on an empty data
// folder. Nothing demo exists — no demo login, no demo key, no mail preview — and the first
// administrator comes from `npm run admin:create`, whose printed password and TOTP let them in.
// Its own server on E2E_PORT + 50, beside the demo server the other journeys use, with the status
// API in a process of its own on E2E_PORT + 51 (STATUS_PORT).

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://localhost:${PORT}`;
const STATUS_PORT = PORT + 1;
const ROOT = path.resolve(".");

let launcher: ChildProcess | undefined;
let dataDir = "";
let output = "";

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  } as unknown as NodeJS.ProcessEnv;
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    if (launcher?.exitCode !== null && launcher?.exitCode !== undefined)
      throw new Error(`launcher exited ${launcher.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`production launcher did not answer in time:\n${output}`);
}

function runAdminCreate(email: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "scripts/admin-create.ts",
        "--email",
        email,
        "--name",
        "Перший Адміністратор",
      ],
      {
        cwd: ROOT,
        env: cleanEnv({ DATA_DIR: dataDir }),
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function signIn(api: APIRequestContext, login: string, password: string, totp: string) {
  const csrf = ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  await api.post("/api/auth/callback/password", { form: { csrfToken: csrf, login, password, totp, json: "true" } });
  return (await (await api.get("/api/auth/session")).json()) as { roles?: Array<{ role: string }> };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "bronya-prod-"));
  launcher = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start"], {
    cwd: ROOT,
    env: cleanEnv({ DATA_DIR: dataDir, PORT: String(PORT), STATUS_PORT: String(STATUS_PORT) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(Date.now() + 150_000);
});

test.afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("npm start on an empty database: no demo anything, the first administrator from admin:create", async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(output).toContain("Виробничий режим (DEMO_MODE=0)");
  expect(output).not.toMatch(/демо-даними|Демо-входи|demo-admin-2026/);

  const api = await playwrightRequest.newContext({ baseURL: BASE });
  for (const user of DEMO_USERS) {
    const session = await signIn(
      api,
      user.login,
      user.password,
      user.totpSecret ? authenticator.generate(user.totpSecret) : "",
    );
    expect(session.roles, `demo login ${user.key}`).toBeUndefined();
    expect((await api.get(`/api/demo-keys/${user.key}`)).status()).toBe(404);
  }

  await page.goto(`${BASE}/login`);
  await expect(page.getByRole("heading", { name: "Вхід до порталу" })).toBeVisible();
  await expect(page.getByText("Демонстраційні користувачі")).toHaveCount(0);
  await expect(page.getByText("Демонстраційні ключі КЕП")).toHaveCount(0);

  const created = await runAdminCreate("first.admin@portal.gov.ua");
  expect(created.code, created.stderr).toBe(0);
  const password = /Пароль[^:]*:\s+(\S+)/.exec(created.stdout)![1]!;
  const secret = /Секрет 2FA[^:]*:\s+(\S+)/.exec(created.stdout)![1]!;
  expect(password).not.toBe(DEMO_USERS[0]!.password);

  expect((await signIn(api, "first.admin@portal.gov.ua", password, "000000")).roles).toBeUndefined();
  const session = await signIn(api, "first.admin@portal.gov.ua", password, authenticator.generate(secret));
  expect(session.roles?.map((r) => r.role)).toEqual(["ADMIN"]);
  expect((await api.get("/admin")).status()).toBe(200);
  // The mail preview is a demo convenience: production has none.
  expect((await api.get("/admin/mail")).status()).toBe(404);
  await api.dispose();
});

test("STATUS_PORT: the launcher starts the status API on its own port, which answers the app's route only", async () => {
  // The banner comes once both ports answer.
  const banner = `API статусу: http://localhost:${STATUS_PORT}/api/v1/me/status`;
  const deadline = Date.now() + 60_000;
  while (!output.includes(banner)) {
    if (Date.now() > deadline) throw new Error(`no status API line in the banner:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const anonymous = await fetch(`http://localhost:${STATUS_PORT}/api/v1/me/status`);
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe(
    "Увійдіть, щоб побачити свій статус",
  );
  expect(anonymous.headers.get("x-request-id")).toBeTruthy();
  // The web server still answers the route on its own port.
  expect((await fetch(`${BASE}/api/v1/me/status`)).status).toBe(401);
  const page = await fetch(`http://localhost:${STATUS_PORT}/login`);
  expect(page.status).toBe(404);
  expect(((await page.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  expect((await fetch(`http://localhost:${STATUS_PORT}/api/health`)).status).toBe(200);
});
