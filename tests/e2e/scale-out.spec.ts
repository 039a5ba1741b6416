import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import pg from "pg";

// Two real Next production servers and two job workers on one Postgres (issue 10, part 5): the
// web tier as README's «Several processes» runs it under systemd or in containers —
// scripts/server.ts start, twice, on two ports from the one production build — and
// scripts/worker.ts twice. 50 signed applications submitted at once through the HR API, half
// to each server, are each decided exactly once with every enterprise's limit met exactly;
// the КЕП-login challenge throttle counts the attempts made against both servers as one.
// Bounded: 5 enterprises × 10 applications of 2 employees; 32 challenge requests; 127.0.0.1 only.

/** Two free ports of 127.0.0.1, found when the test starts (beside whatever else runs on the machine). */
const PORTS: number[] = [];
/** The i-th request's server: every other one to each. */
const portFor = (i: number): number => PORTS[i % 2]!;
const ROOT = path.resolve(".");
const ENTERPRISES = 5;
const DRAFTS = 10;
const LIMIT = 12;
const CHALLENGES_PER_MINUTE = 30; // KEP_CHALLENGE_RATE_LIMIT in lib/auth/kep-login/login-throttle.ts

type Submission = { edrpou: string; token: string; draftId: string; signature: string };

let workDir = "";
let databaseUrl = "";
let submissions: Submission[] = [];
let fixture: ChildProcess | undefined;
const children: ChildProcess[] = [];
let output = "";

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += `[${name}] ${chunk.toString()}`));
  child.stderr!.on("data", (chunk: Buffer) => (output += `[${name}] ${chunk.toString()}`));
  return child;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    const exited = children.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`процес завершився (${exited.exitCode}) до: ${what}\n${output.slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`не дочекалися: ${what}\n${output.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
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

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const started = Date.now();
  PORTS.push(await freePort(), await freePort());
  workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-scale-out-"));
  fixture = start(
    "база",
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/e2e/support/scale-out-fixture.ts",
      path.join(workDir, "postgres"),
      JSON.stringify({ enterprises: ENTERPRISES, drafts: DRAFTS, limit: LIMIT }),
    ],
    {},
  );
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: fixture!.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      const event = JSON.parse(line) as Record<string, unknown>;
      if (event.event === "ready") resolve(event);
      else reject(new Error(String(event.message)));
    });
    fixture!.once("exit", (code) => reject(new Error(`фікстура бази завершилася (${code}):\n${output.slice(-4000)}`)));
  });
  databaseUrl = String(ready.url);
  const databaseReadyMs = Date.now() - started;
  submissions = ready.submissions as Submission[];

  // What the launcher would set for its children (scripts/launch/config.ts, buildChildEnv).
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(workDir, "app"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${PORTS[0]}`,
    PORTAL_URL: `http://localhost:${PORTS[0]}`,
    DEMO_MODE: "1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The test is the reverse proxy: it names the client address of the throttled attempts.
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  for (const [i, port] of PORTS.entries())
    children.push(
      start(
        `веб ${i + 1}`,
        ["--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/server.ts", "start"],
        { ...env, PORT: String(port), WEB_PROCESSES: "1" },
      ),
    );
  for (const i of [1, 2])
    children.push(start(`обробник ${i}`, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], env));
  for (const port of PORTS)
    await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (response) => response.ok,
          () => false,
        ),
      `веб-сервер на порту ${port} відповідає`,
      180_000,
    );
  console.info(
    `2 + 2 processes: database and ${ENTERPRISES * DRAFTS} signed drafts in ${databaseReadyMs} ms, both servers answering after ${Date.now() - started} ms`,
  );
});

test.afterAll(async () => {
  await Promise.all(children.map(stopChild));
  if (fixture && fixture.exitCode === null) {
    const exited = new Promise((resolve) => fixture!.once("exit", resolve));
    fixture.stdin!.write("exit\n");
    await exited;
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test("50 signed applications submitted at once to two Next servers are decided exactly once by two workers, limits exact", async () => {
  test.setTimeout(180_000);
  expect(submissions).toHaveLength(ENTERPRISES * DRAFTS);
  const submittedAt = Date.now();
  const answers = await Promise.all(
    submissions.map(async (s, i) => {
      const response = await fetch(`http://127.0.0.1:${portFor(i)}/api/v1/applications`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
        body: JSON.stringify({ draftId: s.draftId, signature: s.signature }),
      });
      return { port: portFor(i), status: response.status, body: (await response.json()) as { applicationId?: string } };
    }),
  );
  expect(answers.filter((a) => a.status !== 202)).toEqual([]);
  const ids = answers.map((a) => a.body.applicationId!);
  expect(new Set(ids).size).toBe(ENTERPRISES * DRAFTS);

  await waitUntil(
    async () =>
      Number(
        (
          await query<{ n: string }>(
            "SELECT count(*) AS n FROM applications WHERE id = ANY($1::uuid[]) AND status = 'DECIDED'",
            [ids],
          )
        )[0]!.n,
      ) === ids.length,
    "50 заяв розглянуто",
    120_000,
  );
  console.info(`2 + 2 processes: ${ids.length} applications submitted and decided in ${Date.now() - submittedAt} ms`);
  // Each decided once: one audit row of the decision, none of a failure.
  const decides = await query<{ id: string; n: string }>(
    `SELECT "entityId" AS id, count(*) AS n FROM audit_log WHERE "entityId" = ANY($1::text[]) AND action = 'application.decide' GROUP BY 1`,
    [ids],
  );
  expect(decides).toHaveLength(ids.length);
  expect(decides.filter((row) => row.n !== "1")).toEqual([]);
  expect(
    await query(`SELECT 1 FROM audit_log WHERE "entityId" = ANY($1::text[]) AND action = 'application.fail'`, [ids]),
  ).toEqual([]);
  // Every enterprise exactly at its limit, in the portal and in the registry; no one reserved twice.
  const edrpous = [...new Set(submissions.map((s) => s.edrpou))];
  const perEnterprise = await query<{ edrpou: string; reservations: string; marks: string; people: string }>(
    `SELECT e.edrpou,
       (SELECT count(*) FROM reservations r WHERE r.edrpou = e.edrpou AND r.status = 'ACTIVE') AS reservations,
       (SELECT count(*) FROM oberig.reservation_marks m WHERE m.edrpou = e.edrpou AND m.status = 'ACTIVE') AS marks,
       (SELECT count(DISTINCT r.rnokpp) FROM reservations r WHERE r.edrpou = e.edrpou AND r.status = 'ACTIVE') AS people
     FROM unnest($1::text[]) AS e(edrpou) ORDER BY 1`,
    [edrpous],
  );
  expect(perEnterprise).toEqual(
    edrpous.sort().map((edrpou) => ({ edrpou, reservations: `${LIMIT}`, marks: `${LIMIT}`, people: `${LIMIT}` })),
  );
  // All four processes are still up: nothing was decided by a worker that then crashed.
  expect(children.filter((child) => child.exitCode !== null)).toEqual([]);
});

test("the КЕП-login challenge throttle counts attempts made against both servers as one", async () => {
  test.setTimeout(60_000);
  const challenge = (port: number, address: string) =>
    fetch(`http://127.0.0.1:${port}/api/auth/kep/nonce`, { method: "POST", headers: { "x-forwarded-for": address } });
  const statuses: number[] = [];
  for (let i = 0; i < CHALLENGES_PER_MINUTE; i++) statuses.push((await challenge(portFor(i), "203.0.113.50")).status);
  expect(statuses).toEqual(Array(CHALLENGES_PER_MINUTE).fill(200));
  // The 31st, on either server, is refused: neither counted only its own 15.
  for (const port of PORTS) {
    const refused = await challenge(port, "203.0.113.50");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
  }
  expect((await challenge(portFor(1), "203.0.113.51")).status).toBe(200);
});
