import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/cluster";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { createReservationDraft } from "@/lib/reservations";
import { createWorld, sign, type World } from "@/lib/reservations/testing/world";
import { testDatabaseUrl } from "./setup/database";
import { expectEvery } from "@/tests/support/expect-every";
import { createCtx } from "@/lib/context-server";

// Two web processes (the portal's node:cluster primary, scripts/server/web-cluster.ts, on one
// port) and two job workers (scripts/worker.ts, as the launcher starts WORKERS of them) on one
// Postgres: 50 signed submissions sent at once are each decided exactly once, every
// enterprise's limit is met exactly, and the КЕП-login throttle counts the attempts made
// against both web processes as one.

const ROOT = path.resolve(".");
const ENTERPRISES = 5;
const DRAFTS_PER_ENTERPRISE = 10;
const LIMIT = 12;
const children: ChildProcess[] = [];
const output: string[] = [];
let port = 0;
let worlds: World[] = [];

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      DATABASE_URL: testDatabaseUrl(),
      PORTAL_URL: process.env.PORTAL_URL ?? "http://localhost:3000",
      ...env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  children.push(child);
  return child;
}

async function post(
  route: string,
  body: unknown,
): Promise<{ status: number; pid: number; code?: string; applicationId?: string }> {
  // A new connection per request: the cluster's primary hands connections out in turn.
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { connection: "close" },
  });
  return {
    status: response.status,
    ...((await response.json()) as { pid: number; code?: string; applicationId?: string }),
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`не дочекалися: ${what}; вивід процесів: ${output.join("").slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  worlds = [];
  for (let i = 0; i < ENTERPRISES; i++)
    worlds.push(
      await createWorld(createCtx({ actor: null }), {
        serial: 91 + i,
        employees: DRAFTS_PER_ENTERPRISE * 2,
        limitCount: LIMIT,
      }),
    );
  port = await findFreePort();
  start(["tests/integration/fixtures/web-processes.ts"], { PORT: String(port), WEB_PROCESSES: "2" });
  start(["scripts/worker.ts"], {});
  start(["scripts/worker.ts"], {});
  await waitFor(
    async () =>
      fetch(`http://127.0.0.1:${port}/ping`, { method: "POST" }).then(
        () => true,
        () => false,
      ),
    "веб-процеси слухають порт",
    60_000,
  );
}, 240_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, 10_000).unref();
        }),
    ),
  );
  await stopSenderBoss();
}, 30_000);

describe("2 web processes + 2 workers on one Postgres", () => {
  it("decide 50 concurrent signed submissions exactly once each, with every limit met exactly", async () => {
    const submissions: Array<{ world: World; draftId: string; signature: string }> = [];
    for (const world of worlds) {
      for (let d = 0; d < DRAFTS_PER_ENTERPRISE; d++) {
        const draft = await createReservationDraft(createCtx({ actor: world.head.actor }), {
          edrpou: world.edrpou,
          employees: world.employees.slice(d * 2, d * 2 + 2).map((rnokpp) => ({ rnokpp })),
        });
        submissions.push({
          world,
          draftId: draft.draftId,
          signature: Buffer.from(sign(world.head.key!, draft.document)).toString("base64"),
        });
      }
    }
    const answers = await Promise.all(
      submissions.map((s) =>
        post("/submit", { actor: s.world.head.actor, draftId: s.draftId, signature: s.signature }),
      ),
    );
    expect(
      answers.filter((a) => a.status !== 200),
      `submissions refused; the processes' output: ${output.join("").slice(-4000)}`,
    ).toEqual([]);
    expect(new Set(answers.map((a) => a.pid)).size).toBe(2); // both web processes took submissions
    const ids = answers.map((a) => a.applicationId!);
    expect(new Set(ids).size).toBe(50);

    await waitFor(
      async () => (await db.application.count({ where: { id: { in: ids }, status: "DECIDED" } })) === 50,
      "50 заяв розглянуто",
    );
    const decides = await db.auditLog.groupBy({
      by: ["entityId"],
      where: { entityId: { in: ids }, action: "application.decide" },
      _count: true,
    });
    expect(decides).toHaveLength(50);
    expectEvery(decides, (row) => row._count === 1);
    for (const world of worlds) {
      expect(await db.reservation.count({ where: { edrpou: world.edrpou, status: "ACTIVE" } })).toBe(LIMIT);
      expect(await db.reservationMark.count({ where: { edrpou: world.edrpou, status: "ACTIVE" } })).toBe(LIMIT);
    }
    // No one reserved twice, nothing failed.
    const people = await db.reservation.findMany({
      where: { edrpou: { in: worlds.map((w) => w.edrpou) }, status: "ACTIVE" },
      select: { rnokpp: true },
    });
    expect(new Set(people.map((p) => p.rnokpp)).size).toBe(ENTERPRISES * LIMIT);
    expect(await db.auditLog.count({ where: { entityId: { in: ids }, action: "application.fail" } })).toBe(0);
  }, 180_000);

  it("counts КЕП-login failures against both web processes in one throttle", async () => {
    const attempts = [];
    for (let i = 0; i < 10; i++)
      attempts.push(
        await post("/kep-login", { challenge: "не base64", signature: "x", clientAddress: "203.0.113.50" }),
      );
    expect(attempts.map((a) => a.code)).toEqual(Array(10).fill("KEP_LOGIN_CHALLENGE_INVALID"));
    expect(new Set(attempts.map((a) => a.pid)).size).toBe(2);
    // The eleventh, whichever process takes it, is refused before verification.
    for (let i = 0; i < 2; i++)
      expect(
        await post("/kep-login", { challenge: "не base64", signature: "x", clientAddress: "203.0.113.50" }),
      ).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(
      await post("/kep-login", { challenge: "не base64", signature: "x", clientAddress: "203.0.113.51" }),
    ).toMatchObject({ code: "KEP_LOGIN_CHALLENGE_INVALID" });
  }, 60_000);
});
