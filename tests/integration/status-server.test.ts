import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeSession } from "@/lib/auth/session-revocation";
import { db } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/cluster";
import { createEnterprise, createPerson, createReservationMark } from "@/prisma/seed/factories";
import { childProcessesOf } from "@/scripts/bench/support/processes";
import { testDatabaseUrl } from "./setup/database";

// The status API in processes of its own (scripts/status-server.ts, STATUS_PORT), started as the
// launcher starts it: two processes on one port (STATUS_PROCESSES=2), answering the citizens' app
// over real HTTP with the session cookie next-auth issues — and nothing but that route and
// /api/health.

const ROOT = path.resolve(".");
const SECRET = "status-server-test-secret-0123456789";
const output: string[] = [];
let server: ChildProcess;
let base = "";
let reserved = "";
let edrpou = "";

function startStatusServer(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/status-server.ts", "start"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        DATABASE_URL: testDatabaseUrl(),
        NEXTAUTH_SECRET: SECRET,
        PORTAL_URL: "http://localhost:3000",
        ...env,
      },
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );
}

async function cookieOf(rnokpp: string, sid: string = randomUUID()) {
  const token = await encode({
    secret: SECRET,
    token: {
      uid: "u1",
      sid,
      rnokpp,
      name: "Тест",
      via: "password",
      roles: [{ role: "CONSCRIPT", label: "Військовозобов'язаний" }],
      active: 0,
    },
  });
  return `next-auth.session-token=${token}`;
}

beforeAll(async () => {
  edrpou = (await createEnterprise(db, { name: "Енергомаш" })).edrpou;
  reserved = (await createPerson(db, { lastName: "Коваленко", firstName: "Андрій" })).rnokpp;
  await createReservationMark(db, { rnokpp: reserved, edrpou, fromDate: "2026-01-15", untilDate: "2099-01-14" });
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  server = startStatusServer({ STATUS_PORT: String(port), STATUS_PROCESSES: "2" });
  const started = Date.now();
  while (!output.join("").includes("▲ 2 процеси API статусу")) {
    if (server.exitCode !== null || Date.now() - started > 60_000)
      throw new Error(`API статусу не запустився: ${output.join("").slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill("SIGKILL");
    await exited(server);
  }
});

describe("the status API's own processes (STATUS_PORT)", () => {
  it("answer a conscript's status with the portal's headers, from either process", async () => {
    const cookie = await cookieOf(reserved);
    for (let i = 0; i < 4; i++) {
      // A new connection each time: the cluster's primary hands connections out in turn.
      const response = await fetch(`${base}/api/v1/me/status`, { headers: { cookie, connection: "close" } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { rnokpp: string; reservation: { edrpou: string } | null };
      expect(body.rnokpp).toBe(reserved);
      expect(body.reservation?.edrpou).toBe(edrpou);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("content-security-policy")).toContain("default-src");
    }
  });

  it("refuse a missing or signed-out session with the API's Ukrainian error", async () => {
    const anonymous = await fetch(`${base}/api/v1/me/status`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(/[а-яіїєґ]/i);

    const sid = randomUUID();
    const cookie = await cookieOf(reserved, sid);
    await revokeSession(
      { db, now: new Date() },
      { sessionId: sid, expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600 },
    );
    const signedOut = await fetch(`${base}/api/v1/me/status`, { headers: { cookie } });
    expect(signedOut.status).toBe(401);
  });

  it("answer nothing else: the cabinets, other methods and other APIs get a 404 that says where to go", async () => {
    const cookie = await cookieOf(reserved);
    for (const [method, route] of [
      ["GET", "/company"],
      ["GET", "/api/v1/enterprises/12345678/employees"],
      ["POST", "/api/v1/me/status"],
      ["GET", "/api/v1/me/status/../../company"],
    ] as const) {
      const response = await fetch(`${base}${route}`, { method, headers: { cookie } });
      expect(response.status, `${method} ${route}`).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("NOT_FOUND");
      expect(body.error.message).toContain("лише на запит статусу");
    }
  });

  it("report their health for a load balancer", async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("replace a process that dies, and go on answering", async () => {
    const before = childProcessesOf(server.pid!, "scripts/status-server.ts");
    expect(before).toHaveLength(2);
    process.kill(before[0]!, "SIGKILL");
    const started = Date.now();
    while (!output.join("").includes(`Процес API статусу ${before[0]} завершився сигналом SIGKILL: запускаю інший`)) {
      if (Date.now() - started > 30_000) throw new Error(`процес не замінено: ${output.join("").slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cookie = await cookieOf(reserved);
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${base}/api/v1/me/status`, { headers: { cookie, connection: "close" } });
      expect(response.status).toBe(200);
    }
    const after = childProcessesOf(server.pid!, "scripts/status-server.ts");
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
  });

  it("stop on SIGTERM with exit code 0", async () => {
    server.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
  });

  it("refuse to start without STATUS_PORT, in one sentence", async () => {
    const lines: string[] = [];
    const child = startStatusServer({});
    child.stderr?.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
    expect(await exited(child)).toBe(2);
    expect(lines.join("")).toContain("задайте STATUS_PORT");
  });
});
