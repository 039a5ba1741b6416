import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { openKeyFile, signDetached } from "@/lib/kep/browser";
import { demoUser } from "@/prisma/seed/demo-users";
import { logLeaks } from "./support/log-leaks";

// The database restarts under load. The production launcher (demo data, one web process, one
// worker) runs on a Postgres this test holds (tests/e2e/support/postgres-holder.ts). Three
// clients poll — a conscript's status API and cabinet page, the HR API's employee list — while
// signed applications are submitted; Postgres is stopped and started again. Every request made
// while it is down gets a 503 with the Ukrainian message (never a 500, never a stack); the web
// server and the worker recover by themselves; every signed application is decided exactly once.
// Bounded: 12 applications of 2 employees, three clients 100 ms apart, a ~4 s outage.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const BASE = `http://localhost:${PORT}`;
const ROOT = path.resolve(".");
const DRAFTS = 12;
const OUTAGE_MS = 4_000;

type Sample = { started: number; ended: number; path: string; status: number; body: string };
type KeyEntry = { id: string; file: string; password: string; edrpou?: string; apiToken?: string };

let workDir = "";
let databaseUrl = "";
let launcher: ChildProcess | undefined;
let holder: ChildProcess | undefined;
let output = "";
const events: Array<Record<string, string>> = [];

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  } as unknown as NodeJS.ProcessEnv;
}

function holderEvent(name: string, timeoutMs = 90_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const look = () => {
      const index = events.findIndex((event) => event.event === name || event.event === "error");
      if (index >= 0) {
        const [event] = events.splice(index, 1);
        return event!.event === "error" ? reject(new Error(event!.message)) : resolve(event!);
      }
      if (Date.now() > deadline) return reject(new Error(`postgres holder: no "${name}"`));
      setTimeout(look, 50);
    };
    look();
  });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (launcher?.exitCode !== null && launcher?.exitCode !== undefined)
      throw new Error(`launcher exited ${launcher.exitCode}:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`не дочекалися: ${what}\n${output.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  // The demo country and its КЕП keys (three families, DSTU in pure JS) take minutes on a loaded machine.
  test.setTimeout(600_000);
  workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-restart-"));
  holder = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/e2e/support/postgres-holder.ts",
      path.join(workDir, "postgres"),
    ],
    { cwd: ROOT, env: cleanEnv({}), stdio: ["pipe", "pipe", "pipe"] },
  );
  createInterface({ input: holder.stdout! }).on("line", (line) => {
    if (line.startsWith("{")) events.push(JSON.parse(line) as Record<string, string>);
  });
  holder.stderr!.on("data", (chunk: Buffer) => (output += `[holder] ${chunk.toString()}`));
  databaseUrl = (await holderEvent("started")).url!;
  launcher = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start"], {
    cwd: ROOT,
    env: cleanEnv({
      DATA_DIR: path.join(workDir, "app"),
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "1",
      ACCESS_LOG: "1",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(healthy, "портал відповідає", 560_000);
});

test.afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
  if (holder && holder.exitCode === null) {
    const exited = new Promise((resolve) => holder!.once("exit", resolve));
    holder.stdin!.write("exit\n");
    await exited;
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test("Postgres stopped and started under load: 503 in Ukrainian meanwhile, recovery by itself, every application decided once", async () => {
  test.setTimeout(240_000);
  const manifest = JSON.parse(readFileSync(path.join(workDir, "app/demo-keys/index.json"), "utf8")) as {
    keys: KeyEntry[];
  };
  const head = manifest.keys.find((entry) => entry.id === "head-big")!;
  const auth = { authorization: `Bearer ${head.apiToken}`, "content-type": "application/json" };
  const key = openKeyFile(new Uint8Array(readFileSync(path.join(workDir, "app/demo-keys", head.file))), head.password);

  // The conscript's session, over HTTP as the login form does it.
  const conscript = demoUser("conscript-reserved");
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${BASE}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken,
      login: conscript.login,
      password: conscript.password,
      totp: "",
      json: "true",
    }),
  });
  const cookie = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  expect((await fetch(`${BASE}/api/v1/me/status`, { headers: { cookie } })).status).toBe(200);

  // 12 signed drafts of two eligible employees each, made while the database is up.
  const list = await fetch(`${BASE}/api/v1/enterprises/${head.edrpou}/employees?eligible=true&pageSize=${DRAFTS * 2}`, {
    headers: auth,
  });
  const employees = ((await list.json()) as { items: Array<{ rnokpp: string }> }).items;
  expect(employees).toHaveLength(DRAFTS * 2);
  const signed: Array<{ draftId: string; signature: string }> = [];
  for (let i = 0; i < DRAFTS; i++) {
    const draft = await fetch(`${BASE}/api/v1/applications/drafts`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        edrpou: head.edrpou,
        employees: employees.slice(i * 2, i * 2 + 2).map((e) => ({ rnokpp: e.rnokpp })),
      }),
    });
    expect(draft.status).toBe(201);
    const { draftId, document } = (await draft.json()) as { draftId: string; document: string };
    signed.push({
      draftId,
      signature: Buffer.from(signDetached(key, new Uint8Array(Buffer.from(document, "base64")))).toString("base64"),
    });
  }

  const samples: Sample[] = [];
  async function call(route: string, init: RequestInit = {}): Promise<Sample> {
    const started = Date.now();
    let status = 0;
    let body = "";
    try {
      const response = await fetch(`${BASE}${route}`, { ...init, redirect: "manual" });
      status = response.status;
      body = await response.text();
    } catch (error) {
      body = String(error);
    }
    const sample = { started, ended: Date.now(), path: route, status, body };
    samples.push(sample);
    return sample;
  }
  const submit = (s: { draftId: string; signature: string }) =>
    call("/api/v1/applications", { method: "POST", headers: auth, body: JSON.stringify(s) });

  // Three clients, each one request at a time, 100 ms apart.
  let polling = true;
  const routes = [
    () => call("/api/v1/me/status", { headers: { cookie } }),
    () => call("/me", { headers: { cookie } }),
    () => call(`/api/v1/enterprises/${head.edrpou}/employees?pageSize=5`, { headers: auth }),
  ];
  const clients = routes.map(async (next) => {
    while (polling) {
      await next();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  const answers = new Map<string, Sample>();
  for (const s of signed.slice(0, 4)) answers.set(s.draftId, await submit(s));
  // Two submissions race the stop itself.
  const racing = signed.slice(4, 6).map(async (s) => answers.set(s.draftId, await submit(s)));
  holder!.stdin!.write("stop\n");
  await holderEvent("stopped");
  await Promise.all(racing);
  const down = Date.now();
  for (const s of signed.slice(6, 9)) answers.set(s.draftId, await submit(s));
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  const restarting = Date.now();
  holder!.stdin!.write("start\n");
  expect((await holderEvent("started")).url).toBe(databaseUrl);
  await waitUntil(healthy, "портал відновився після перезапуску бази", 60_000);
  const recovered = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const s of signed.slice(9)) answers.set(s.draftId, await submit(s));
  // A client retries what the outage refused: the same signature gives the same application.
  for (const s of signed) {
    for (let attempt = 0; answers.get(s.draftId)!.status !== 202 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answers.set(s.draftId, await submit(s));
    }
  }
  polling = false;
  await Promise.all(clients);

  // Nothing was a 500 or showed a stack, at any moment.
  expect(samples.filter((s) => s.status >= 500 && s.status !== 503).map((s) => `${s.path} ${s.status}`)).toEqual([]);
  expect(samples.filter((s) => s.status === 0).map((s) => `${s.path} ${s.body}`)).toEqual([]);
  expect(
    samples.filter((s) => /\n\s+at |node_modules|PrismaClient|ECONNREFUSED/.test(s.body)).map((s) => s.path),
  ).toEqual([]);
  // Requests made while the database was down: 503 with the Ukrainian message.
  const during = samples.filter((s) => s.started >= down && s.ended <= restarting);
  expect(during.length).toBeGreaterThan(20);
  for (const sample of during) {
    expect(sample.status, `${sample.path} while the database is down`).toBe(503);
    if (sample.path.startsWith("/api/"))
      expect(JSON.parse(sample.body)).toEqual({
        error: { code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/^Портал тимчасово недоступний/) },
      });
    else expect(sample.body).toContain("Портал тимчасово недоступний");
  }
  expect(new Set(during.map((s) => s.path.split("?")[0])).size).toBe(4);
  // After recovery (with a second's grace) everything answers normally again.
  const after = samples.filter((s) => s.started >= recovered + 1_000 && !s.path.startsWith("/api/v1/applications"));
  expect(after.length).toBeGreaterThan(10);
  expect(after.filter((s) => s.status !== 200).map((s) => `${s.path} ${s.status}`)).toEqual([]);

  // Every signed application accepted, and decided exactly once.
  const ids = signed.map((s) => {
    const answer = answers.get(s.draftId)!;
    expect(answer.status, answer.body).toBe(202);
    return (JSON.parse(answer.body) as { applicationId: string }).applicationId;
  });
  expect(new Set(ids).size).toBe(DRAFTS);
  await waitUntil(
    async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'DECIDED'`,
          [ids],
        )
      )[0]!.n === DRAFTS,
    "усі заяви розглянуто",
    120_000,
  );
  const perDraft = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM applications WHERE "draftId" = ANY($1::uuid[]) GROUP BY "draftId"`,
    [signed.map((s) => s.draftId)],
  );
  expect(perDraft.map((row) => row.n)).toEqual(Array(DRAFTS).fill(1));
  const decides = await query<{ entityId: string; n: number }>(
    `SELECT "entityId", count(*)::int AS n FROM audit_log WHERE action = 'application.decide' AND "entityId" = ANY($1::text[]) GROUP BY "entityId"`,
    [ids],
  );
  expect(decides).toHaveLength(DRAFTS);
  expect(decides.filter((row) => row.n !== 1)).toEqual([]);
  // Each employee decided once: the active reservations are the items reserved, no one twice,
  // and the enterprise stays within its limit.
  const counts = await query<{ reserved: number; refused: number }>(
    `SELECT "reservedCount" AS reserved, "refusedCount" AS refused FROM applications WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.filter((row) => row.reserved + row.refused !== 2)).toEqual([]);
  const reserved = await query<{ rnokpp: string }>(
    `SELECT rnokpp FROM reservations WHERE status = 'ACTIVE' AND rnokpp = ANY($1::bpchar[])`,
    [employees.map((e) => e.rnokpp)],
  );
  expect(new Set(reserved.map((r) => r.rnokpp)).size).toBe(reserved.length);
  expect(reserved.length).toBe(counts.reduce((sum, row) => sum + row.reserved, 0));
  const [limit] = await query<{ active: number; limit: number }>(
    `SELECT (SELECT count(*)::int FROM reservations WHERE edrpou = $1 AND status = 'ACTIVE') AS active, (SELECT "limitCount" FROM critical_decisions WHERE edrpou = $1 AND status = 'ACTIVE' LIMIT 1) AS limit`,
    [head.edrpou],
  );
  expect(limit!.active).toBeLessThanOrEqual(limit!.limit);
  // The launcher, its web server and its worker lived through it.
  expect(launcher!.exitCode).toBeNull();
  expect(output).toContain("база даних знову доступна");
  // Its log (access log included) holds no РНОКПП, token or session, outage or not.
  expect(output).toContain("[access] GET /api/v1/enterprises/");
  expect(logLeaks(output)).toEqual({ rnokpps: [], tokens: [], sessions: [] });
});
