import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { Pool } from "undici";
import type { RoleOption } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/cluster";
import { openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { registry } from "@/lib/registry";
import { demoUser } from "@/prisma/seed/demo-users";
import { log, runScript } from "../db/run-script";
import { benchPersons, prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import { percentile } from "./support/stats";

// npm run bench -- peak — the deadline day: for PEAK_SECONDS (60) many enterprises at once
// against the production web server and job workers as `npm start` runs them, over HTTP on
// 127.0.0.1, driven by undici's connection pools:
//   · directors (PEAK_DIRECTORS, 100, each a head of a different critical enterprise, signed in)
//     browse their employee page (/company) and the HR API's employee list, and submit signed
//     applications (draft → КЕП signature over the canonical bytes in this process → submit) whose
//     sizes follow a deadline-day mix of 1 to 2,000 employees (bounded by each enterprise's staff);
//   · conscripts (PEAK_STATUS_CONNECTIONS, 32 keep-alive connections over 1,000 signed-in persons)
//     poll GET /api/v1/me/status as fast as answers come;
//   · officials (4) refresh the ministry dashboard every second.
// Then it waits (≤ 120 s) for the queue to drain and checks in the database that no enterprise
// holds more active reservations than its limit. Targets (issue 10): ≥ 2,000 employees decided
// per second sustained, submission-to-decision p95 ≤ 10 s, browsing p95 ≤ 300 ms, status p99
// ≤ 50 ms, 0 errors, 0 limits exceeded. Needs the production build (npm run build); never builds.
//   npm run bench -- peak [--persons N] [--seconds 60] [--directors 100]

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const KEY_PASSWORD = "Bench-Peak-Key1";
const SESSION_COOKIE = "next-auth.session-token";
const TARGETS = { employeesDecidedPerSecond: 2_000, decisionLagP95Ms: 10_000, browseP95Ms: 300, statusP99Ms: 50 };

type Director = { edrpou: string; rnokpp: string; cookie: string; key: OpenedKeyFile; staff: number };
type Sample = { ms: number; ok: boolean };

/** A session cookie as next-auth issues it (the bench knows the server's secret; nothing is bypassed server-side). */
async function sessionCookie(
  secret: string,
  claims: { uid: string; rnokpp: string | null; name: string; via: "kep" | "password"; role: RoleOption },
): Promise<string> {
  const token = await encode({
    secret,
    token: {
      uid: claims.uid,
      sid: randomUUID(),
      rnokpp: claims.rnokpp,
      name: claims.name,
      via: claims.via,
      roles: [claims.role],
      active: 0,
    },
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** Deadline-day application sizes: most small, some hundreds, a few up to 2,000. */
function applicationSize(random: () => number): number {
  const r = random();
  if (r < 0.6) return 1 + Math.floor(random() * 20);
  if (r < 0.9) return 20 + Math.floor(random() * 180);
  return 200 + Math.floor(random() * 1_800);
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) process.stderr.write(`[${name}] ${text}\n`);
  });
  return child;
}

async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`веб-сервер завершився з кодом ${server.exitCode}`);
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("веб-сервер не відповів на /api/health за 90 с");
}

function stats(samples: Sample[]) {
  const ok = samples.filter((s) => s.ok).map((s) => s.ms);
  return {
    requests: samples.length,
    errors: samples.length - ok.length,
    p50: round(pct(ok, 50)),
    p95: round(pct(ok, 95)),
    p99: round(pct(ok, 99)),
  };
}

/** The percentile, or NaN when nothing succeeded (the JSON line then says null). */
const pct = (values: number[], p: number) => (values.length > 0 ? percentile(values, p) : Number.NaN);
const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : value);

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      seconds: { type: "string", default: process.env.PEAK_SECONDS ?? "60" },
      directors: { type: "string", default: process.env.PEAK_DIRECTORS ?? "100" },
    },
    strict: false,
  });
  const seconds = Math.max(5, Math.min(600, Number(values.seconds) || 60));
  const directorCount = Math.max(1, Math.min(500, Number(values.directors) || 100));
  const statusConnections = Math.max(1, Math.min(256, Number(process.env.PEAK_STATUS_CONNECTIONS ?? 32)));
  const officialCount = 4;
  if (!existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("Немає продакшн-збірки: спершу npm run build (вимірювання саме не збирає)");

  const persons = benchPersons();
  log(
    `Пік дедлайну: ${seconds} с, ${directorCount} керівників, ${statusConnections} з'єднань статусу, ${officialCount} посадовці; реєстр ${persons.toLocaleString("uk-UA")} осіб`,
  );
  const bench = await prepareSeededDatabase({ log, persons });
  const dbName = "bench_peak";
  const url = await bench.clone(dbName);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-bench-peak-"));
  const secret = `peak-${randomUUID()}-secret`;
  const children: ChildProcess[] = [];
  const pools: Pool[] = [];
  try {
    await useDatabase(url);
    await ensureTestProvider({ db, now: new Date() });

    // Directors: heads of critical enterprises with a decision in force — the tenth of them with
    // the most military-liable staff (at national scale the giants of 10,000–50,000), the rest a
    // fixed pseudo-random sample of all the others, so that sizes follow the seed's distribution
    // (most enterprises small) instead of the country's largest hundred; each gets a КЕП key from
    // the test provider and a session.
    const inForce = {
      status: "ACTIVE",
      validUntil: { gte: new Date() },
      enterprise: { headRnokpp: { not: null }, liquidatedOn: null },
    } as const;
    const largest = await db.criticalDecision.findMany({
      where: inForce,
      select: { edrpou: true },
      orderBy: { militaryLiableCount: "desc" },
      distinct: ["edrpou"],
      take: Math.max(1, Math.round(directorCount / 10)),
    });
    const { relations } = registry();
    const sampled = await db.$queryRaw<Array<{ edrpou: string }>>`
      SELECT DISTINCT d.edrpou, md5(d.edrpou) FROM critical_decisions d JOIN ${relations.enterprises} e ON e.edrpou = d.edrpou
       WHERE d.status = 'ACTIVE' AND d."validUntil" >= now() AND e."headRnokpp" IS NOT NULL AND e."liquidatedOn" IS NULL
         AND d.edrpou <> ALL(${largest.map((d) => d.edrpou)}::text[])
       ORDER BY md5(d.edrpou) LIMIT ${directorCount - largest.length}`;
    const decisions = await db.criticalDecision.findMany({
      where: { ...inForce, edrpou: { in: [...largest, ...sampled].map((d) => d.edrpou) } },
      select: {
        edrpou: true,
        militaryLiableCount: true,
        enterprise: { select: { name: true, headRnokpp: true, head: { select: { lastName: true, firstName: true } } } },
      },
      orderBy: { militaryLiableCount: "desc" },
      distinct: ["edrpou"],
      take: directorCount,
    });
    if (decisions.length === 0) throw new Error("У засіяній базі немає критичних підприємств із керівником");
    log(`Готую ${decisions.length} керівників (ключі КЕП від тестового КНЕДП, сеанси)…`);
    const directors: Director[] = [];
    for (const decision of decisions) {
      const rnokpp = decision.enterprise.headRnokpp!;
      const fullName = `${decision.enterprise.head?.lastName ?? "Керівник"} ${decision.enterprise.head?.firstName ?? "Підприємства"}`;
      const user = await db.user.upsert({
        where: { rnokpp },
        create: { rnokpp, fullName },
        update: {},
        select: { id: true },
      });
      const issued = await issueCertificate(
        { db, now: new Date() },
        {
          rnokpp,
          fullName,
          edrpou: decision.edrpou,
          organization: decision.enterprise.name,
          title: "Керівник",
          password: KEY_PASSWORD,
        },
      );
      const cookie = await sessionCookie(secret, {
        uid: user.id,
        rnokpp,
        name: fullName,
        via: "kep",
        role: { role: "ENTERPRISE_HEAD", edrpou: decision.edrpou, label: "Керівник" },
      });
      directors.push({
        edrpou: decision.edrpou,
        rnokpp,
        cookie,
        key: openKeyFile(issued.p12, KEY_PASSWORD),
        staff: decision.militaryLiableCount,
      });
    }
    const registered = await db.militaryRegistration.findMany({ select: { rnokpp: true }, take: 1_000 });
    const conscriptCookies = await Promise.all(
      registered.map(({ rnokpp }) =>
        sessionCookie(secret, {
          uid: randomUUID(),
          rnokpp,
          name: "Військовозобов'язаний",
          via: "password",
          role: { role: "CONSCRIPT", label: "Військовозобов'язаний" },
        }),
      ),
    );
    const official = demoUser("official-economy");
    const officialUser = await db.user.findFirstOrThrow({
      where: { email: official.login },
      select: { id: true, memberships: { select: { authorityId: true }, take: 1 } },
    });
    const officialCookie = await sessionCookie(secret, {
      uid: officialUser.id,
      rnokpp: null,
      name: official.fullName,
      via: "password",
      role: { role: "OFFICIAL", authorityId: officialUser.memberships[0]!.authorityId!, label: "Посадова особа" },
    });
    await releaseDatabase();

    // The portal as `npm start` runs it: the web server (Next behind node:http) and two job workers.
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      PORTAL_URL: baseUrl,
      DATA_DIR: workDir,
      DEMO_MODE: "1",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const server = startProcess(
      ["--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/server.ts", "start"],
      env,
      "web",
    );
    children.push(server);
    for (let i = 0; i < 2; i++)
      children.push(
        startProcess(["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], env, `worker ${i + 1}`),
      );
    await waitForHealth(baseUrl, server);
    log(`Портал на ${baseUrl} (веб-сервер і 2 обробники завдань)`);

    const browsePool = new Pool(baseUrl, { connections: Math.min(directorCount, 64), pipelining: 1 });
    const statusPool = new Pool(baseUrl, { connections: statusConnections, pipelining: 1 });
    const officialPool = new Pool(baseUrl, { connections: officialCount, pipelining: 1 });
    pools.push(browsePool, statusPool, officialPool);

    const browse: Sample[] = [];
    const status: Sample[] = [];
    const dashboard: Sample[] = [];
    const submitErrors: string[] = [];
    const errorSamples: string[] = [];
    const submitted: Array<{ id: string; employees: number }> = [];

    async function timed(
      pool: Pool,
      into: Sample[],
      options: { path: string; method?: "GET" | "POST"; cookie: string; body?: unknown },
    ) {
      const t0 = performance.now();
      try {
        const response = await pool.request({
          path: options.path,
          method: options.method ?? "GET",
          headers: {
            cookie: options.cookie,
            accept: options.path.startsWith("/api/") ? "application/json" : "text/html",
            origin: baseUrl,
            ...(options.body ? { "content-type": "application/json" } : {}),
          },
          body: options.body ? JSON.stringify(options.body) : undefined,
        });
        const text = await response.body.text();
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        into.push({ ms: performance.now() - t0, ok });
        if (!ok && errorSamples.length < 10)
          errorSamples.push(
            `${options.method ?? "GET"} ${options.path.split("?")[0]}: HTTP ${response.statusCode} ${text.slice(0, 120)}`,
          );
        return { status: response.statusCode, text, ok };
      } catch (error) {
        into.push({ ms: performance.now() - t0, ok: false });
        return { status: 0, text: (error as Error).message, ok: false };
      }
    }

    async function director(d: Director, index: number) {
      const random = mulberry32(1_000 + index);
      // Start spread over the first seconds, as people arrive.
      await new Promise((resolve) => setTimeout(resolve, random() * 3_000));
      while (performance.now() < end) {
        await timed(browsePool, browse, { path: "/company", cookie: d.cookie });
        if (performance.now() >= end) break;
        const wanted = Math.min(applicationSize(random), Math.max(1, d.staff));
        const employees: Array<{ rnokpp: string }> = [];
        for (let page = 1; employees.length < wanted && performance.now() < end; page++) {
          const list = await timed(browsePool, browse, {
            path: `/api/v1/enterprises/${d.edrpou}/employees?eligible=true&pageSize=500&page=${page}`,
            cookie: d.cookie,
          });
          if (!list.ok) break;
          const body = JSON.parse(list.text) as { items: Array<{ rnokpp: string }>; total: number };
          employees.push(...body.items.slice(0, wanted - employees.length).map((item) => ({ rnokpp: item.rnokpp })));
          if (page * 500 >= body.total) break;
        }
        if (employees.length === 0 || performance.now() >= end) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
        const draft = await timed(browsePool, [], {
          path: "/api/v1/applications/drafts",
          method: "POST",
          cookie: d.cookie,
          body: { edrpou: d.edrpou, employees },
        });
        if (!draft.ok) {
          submitErrors.push(`чернетка ${d.edrpou}: HTTP ${draft.status} ${draft.text.slice(0, 160)}`);
          continue;
        }
        const drafted = JSON.parse(draft.text) as { draftId: string; document: string };
        const signature = Buffer.from(
          signDetached(d.key, new Uint8Array(Buffer.from(drafted.document, "base64"))),
        ).toString("base64");
        const submit = await timed(browsePool, [], {
          path: "/api/v1/applications",
          method: "POST",
          cookie: d.cookie,
          body: { draftId: drafted.draftId, signature },
        });
        if (submit.status !== 202) {
          submitErrors.push(`подання ${d.edrpou}: HTTP ${submit.status} ${submit.text.slice(0, 160)}`);
          continue;
        }
        submitted.push({
          id: (JSON.parse(submit.text) as { applicationId: string }).applicationId,
          employees: employees.length,
        });
        // A director looks at the result page for a while before the next list.
        await new Promise((resolve) => setTimeout(resolve, 2_000 + random() * 3_000));
      }
    }

    async function conscripts(connection: number) {
      let i = connection;
      while (performance.now() < end) {
        await timed(statusPool, status, {
          path: "/api/v1/me/status",
          cookie: conscriptCookies[i % conscriptCookies.length]!,
        });
        i += statusConnections;
      }
    }

    async function officials() {
      while (performance.now() < end) {
        const started = performance.now();
        await timed(officialPool, dashboard, { path: "/ministry", cookie: officialCookie });
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (performance.now() - started))));
      }
    }

    // Warm-up, not measured: the first request to each route loads its modules and the caches.
    const warm = directors[0]!;
    await timed(browsePool, [], { path: "/company", cookie: warm.cookie });
    await timed(browsePool, [], {
      path: `/api/v1/enterprises/${warm.edrpou}/employees?eligible=true&pageSize=50`,
      cookie: warm.cookie,
    });
    await timed(statusPool, [], { path: "/api/v1/me/status", cookie: conscriptCookies[0]! });
    await timed(officialPool, [], { path: "/ministry", cookie: officialCookie });
    errorSamples.length = 0;
    const end = performance.now() + seconds * 1000;
    log(`Навантаження ${seconds} с…`);
    const loadStarted = Date.now();
    await Promise.all([
      ...directors.map((d, i) => director(d, i)),
      ...Array.from({ length: statusConnections }, (_, i) => conscripts(i)),
      ...Array.from({ length: officialCount }, () => officials()),
    ]);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const load = os.loadavg()[0]!;

    // Let the queue drain, then read the decisions and the limits from the database.
    await useDatabase(url);
    const ids = submitted.map((s) => s.id);
    const drainDeadline = Date.now() + 120_000;
    let pending = ids.length;
    while (ids.length > 0 && Date.now() < drainDeadline) {
      pending = await db.application.count({ where: { id: { in: ids }, status: { notIn: ["DECIDED", "FAILED"] } } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const apps = await db.application.findMany({
      where: { id: { in: ids } },
      select: { status: true, submittedAt: true, decidedAt: true, reservedCount: true, refusedCount: true },
    });
    const decided = apps.filter((a) => a.status === "DECIDED" && a.decidedAt);
    const failed = apps.filter((a) => a.status === "FAILED").length;
    const lags = decided.map((a) => a.decidedAt!.getTime() - a.submittedAt.getTime());
    const employeesDecided = decided.reduce((sum, a) => sum + a.reservedCount + a.refusedCount, 0);
    const firstSubmit = Math.min(...apps.map((a) => a.submittedAt.getTime()));
    const lastDecision = Math.max(...decided.map((a) => a.decidedAt!.getTime()));
    const decidingSeconds = decided.length > 0 ? Math.max(1, (lastDecision - firstSubmit) / 1000) : Number.NaN;
    const employeesDecidedPerSecond = decided.length > 0 ? Math.round(employeesDecided / decidingSeconds) : 0;
    const over = await db.$queryRaw<Array<{ edrpou: string; active: bigint; limit: number }>>`
      SELECT d.edrpou, count(r.*) AS active, d."limitCount" AS limit
        FROM critical_decisions d
        JOIN reservations r ON r."decisionId" = d.id AND r.status = 'ACTIVE'
       WHERE d.status = 'ACTIVE'
       GROUP BY d.id, d.edrpou, d."limitCount"
      HAVING count(r.*) > d."limitCount"`;
    await releaseDatabase();

    const browseStats = stats(browse);
    const statusStats = stats(status);
    const dashboardStats = stats(dashboard);
    const errors =
      browseStats.errors + statusStats.errors + dashboardStats.errors + submitErrors.length + failed + pending;
    const decisionLagP95Ms = round(pct(lags, 95));
    log(
      `Керівники: сторінки й списки ${browseStats.requests} запитів, p50 ${browseStats.p50} мс, p95 ${browseStats.p95} мс, p99 ${browseStats.p99} мс, помилок ${browseStats.errors}`,
    );
    log(
      `Заяви: подано ${submitted.length} (${submitted.reduce((s, a) => s + a.employees, 0)} працівників), розглянуто ${decided.length}, збоїв ${failed}, не розглянуто за 120 с ${pending}; помилок подання ${submitErrors.length}`,
    );
    for (const line of [...submitErrors.slice(0, 5), ...errorSamples.slice(0, 5)]) log(`  ${line}`);
    log(
      `Рішення: ${employeesDecided} працівників за ${decidingSeconds.toFixed(1)} с = ${employeesDecidedPerSecond}/с; від подання до рішення p50 ${round(pct(lags, 50))} мс, p95 ${decisionLagP95Ms} мс`,
    );
    log(
      `Статус: ${statusStats.requests} запитів = ${(statusStats.requests / loadSeconds).toFixed(0)}/с, p50 ${statusStats.p50} мс, p99 ${statusStats.p99} мс, помилок ${statusStats.errors}`,
    );
    log(
      `Дашборд міністерства: ${dashboardStats.requests} запитів, p95 ${dashboardStats.p95} мс, помилок ${dashboardStats.errors}`,
    );
    log(
      `Ліміти перевищено: ${over.length}${
        over.length
          ? ` (${over
              .slice(0, 3)
              .map((o) => `${o.edrpou}: ${o.active}/${o.limit}`)
              .join(", ")})`
          : ""
      }; навантаження машини ${load.toFixed(1)} на ${os.cpus().length} ядра`,
    );
    const targetMet =
      employeesDecidedPerSecond >= TARGETS.employeesDecidedPerSecond &&
      decisionLagP95Ms <= TARGETS.decisionLagP95Ms &&
      browseStats.p95 <= TARGETS.browseP95Ms &&
      statusStats.p99 <= TARGETS.statusP99Ms &&
      errors === 0 &&
      over.length === 0;
    console.log(
      JSON.stringify({
        bench: "peak",
        persons,
        seconds,
        directors: directors.length,
        cpus: os.cpus().length,
        loadavg: round(load),
        employeesDecidedPerSecond,
        decisionLagP95Ms,
        browseP95Ms: browseStats.p95,
        browse: browseStats,
        statusP99Ms: statusStats.p99,
        statusPerSecond: Math.round(statusStats.requests / loadSeconds),
        status: statusStats,
        dashboard: dashboardStats,
        applications: { submitted: submitted.length, decided: decided.length, failed, pending, employeesDecided },
        errors,
        limitViolations: over.length,
        targets: TARGETS,
        targetMet,
      }),
    );
    return 0;
  } finally {
    await Promise.all(pools.map((pool) => pool.close().catch(() => undefined)));
    for (const child of children) await stopProcess(child);
    await releaseDatabase();
    await bench.drop(dbName).catch(() => undefined);
    await bench.stop();
    await rm(workDir, { recursive: true, force: true });
  }
});
