import { type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log, runScript } from "../db/run-script";
import { benchPersons, prepareSeededDatabase, releaseDatabase, useDatabase } from "./support/bench-database";
import {
  applicationSize,
  conscriptCookies as signInConscripts,
  officialCookie as signInOfficial,
  prepareDirectors,
  root,
  startPortal,
  stopProcess,
  timedRequest,
  type Director,
  type Sample,
} from "./support/portal-under-load";
import { cpuBetween, cpuSnapshot } from "./support/cpu-by-process";
import { childProcessesOf } from "./support/processes";
import { resetStatements, topStatements } from "./support/statements";
import { percentile } from "./support/stats";

// npm run bench -- peak — the deadline day: for PEAK_SECONDS (60) many enterprises at once
// against the production web server and job workers as `npm start` runs them, over HTTP on
// 127.0.0.1, driven by undici's connection pools:
//   · directors (PEAK_DIRECTORS, 100, each a head of a different critical enterprise, signed in)
//     browse their employee page (/company) and the HR API's employee list, and submit signed
//     applications (draft → КЕП signature over the canonical bytes in this process, with node:crypto
//     as support/native-signer.ts says why → submit) whose
//     sizes follow a deadline-day mix of 1 to 2,000 employees (bounded by each enterprise's staff);
//   · conscripts (PEAK_STATUS_CONNECTIONS, 32 keep-alive connections over 1,000 signed-in persons)
//     poll GET /api/v1/me/status at PEAK_STATUS_RATE a second in all (2,000, the issue's rate; 0:
//     as fast as answers come), from the status API's own process on a port of its own as
//     STATUS_PORT runs it (--status-on own, the default) or through the web server (--status-on web);
//   · officials (4) refresh the ministry dashboard every second.
// Then it waits (≤ 120 s) for the queue to drain and checks in the database that no enterprise
// holds more active reservations than its limit. Targets (issue 10): ≥ 2,000 employees decided
// per second sustained, submission-to-decision p95 ≤ 10 s, browsing p95 ≤ 300 ms, status p99
// ≤ 50 ms at the rate asked (answered within 5 % of it), 0 errors, 0 limits exceeded. Needs the
// production build (npm run build); never builds.
//   npm run bench -- peak [--persons N] [--seconds 60] [--directors 100] [--status-on own|web]
//     [--kill worker|web]
//   --kill (PEAK_KILL): at half-time one of the two job workers, or one of two web processes behind
//   the cluster's primary (WEB_PROCESSES=2 for the run), is killed with SIGKILL. Every application
//   the database accepted — also one whose answer the killed process never sent — must then be
//   decided exactly once (`decidedTwice` counts the audit's decisions per application).
//   Where the CPU went during the load (support/cpu-by-process.ts, from /proc): the machine's busy
//   share and the cores the web, status, Postgres, worker and load-generator processes used.
//   PEAK_PROFILE_DIR=dir: the web server and the workers write V8 CPU profiles (.cpuprofile) there.
//   BENCH_STATEMENTS=1: Postgres starts with pg_stat_statements, and the statements that took its
//   time during the load are printed (a cluster left running from before is used as it is).

const TARGETS = { employeesDecidedPerSecond: 2_000, decisionLagP95Ms: 10_000, browseP95Ms: 300, statusP99Ms: 50 };

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
      "status-on": { type: "string", default: process.env.PEAK_STATUS_ON ?? "own" },
      kill: { type: "string", default: process.env.PEAK_KILL ?? "" },
    },
    strict: false,
  });
  const seconds = Math.max(5, Math.min(600, Number(values.seconds) || 60));
  const directorCount = Math.max(1, Math.min(500, Number(values.directors) || 100));
  const statusConnections = Math.max(1, Math.min(256, Number(process.env.PEAK_STATUS_CONNECTIONS ?? 32)));
  // The rate the conscripts ask at in all (issue 10: ≥ 2,000 a second); 0 asks as fast as answers come.
  const statusRate = Number(process.env.PEAK_STATUS_RATE ?? 2_000);
  if (!Number.isInteger(statusRate) || statusRate < 0 || statusRate > 50_000)
    throw new AppError(
      "USAGE",
      `PEAK_STATUS_RATE має бути цілим числом від 0 до 50 000 запитів за секунду, а не «${process.env.PEAK_STATUS_RATE}»`,
    );
  const statusOn = values["status-on"];
  if (statusOn !== "own" && statusOn !== "web")
    throw new AppError(
      "USAGE",
      `--status-on ${String(statusOn)}: можливо own (API статусу у власному процесі, STATUS_PORT) або web (через веб-сервер)`,
    );
  // A fault at half-time: one of the two job workers, or one of two web processes, killed (SIGKILL).
  const kill = values.kill;
  if (kill !== "" && kill !== "worker" && kill !== "web")
    throw new AppError(
      "USAGE",
      `--kill ${String(kill)}: можливо worker (один із двох обробників завдань) або web (один із двох веб-процесів)`,
    );
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
    const directors = await prepareDirectors(secret, directorCount, (found) =>
      log(`Готую ${found} керівників (ключі КЕП від тестового КНЕДП, сеанси)…`),
    );
    const conscriptCookies = await signInConscripts(secret, 1_000);
    const officialCookie = await signInOfficial(secret);
    await releaseDatabase();

    // The portal as `npm start` runs it: the web server (Next behind node:http) and two job workers.
    const portal = await startPortal({
      databaseUrl: url,
      secret,
      dataDir: workDir,
      workers: 2,
      children,
      statusServer: statusOn === "own",
      // A web process can be killed and replaced only behind the cluster's primary.
      webProcesses: kill === "web" ? 2 : undefined,
    });
    const { baseUrl, statusUrl } = portal;
    log(
      `Портал на ${baseUrl} (веб-сервер і 2 обробники завдань${statusUrl ? `; API статусу окремо на ${statusUrl}` : ""})`,
    );

    const browsePool = new Pool(baseUrl, { connections: Math.min(directorCount, 64), pipelining: 1 });
    const statusBase = statusUrl ?? baseUrl;
    const statusPool = new Pool(statusBase, { connections: statusConnections, pipelining: 1 });
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
      const answer = await timedRequest(pool, pool === statusPool ? statusBase : baseUrl, options);
      into.push({ ms: answer.ms, ok: answer.ok });
      if (!answer.ok && answer.status !== 0 && errorSamples.length < 10)
        errorSamples.push(
          `${options.method ?? "GET"} ${options.path.split("?")[0]}: HTTP ${answer.status} ${answer.text.slice(0, 120)}`,
        );
      return answer;
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
        const signature = Buffer.from(d.sign(new Uint8Array(Buffer.from(drafted.document, "base64")))).toString(
          "base64",
        );
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

    // Each connection asks every statusConnections / statusRate seconds, or at once when its last
    // answer came later than that (a slow server is not sent a burst to catch up).
    async function conscripts(connection: number) {
      const interval = statusRate > 0 ? (1000 * statusConnections) / statusRate : 0;
      let next = performance.now() + (interval * connection) / statusConnections;
      let i = connection;
      while (performance.now() < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (performance.now() >= end) break;
        next = Math.max(next + interval, performance.now());
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
    const counting = process.env.BENCH_STATEMENTS === "1" && (await resetStatements(url));
    const loadStarted = Date.now();
    const cpuBefore = cpuSnapshot();
    let fault: { kill: "worker" | "web"; pid: number; atSecond: number } | null = null;
    const faultTimer =
      kill === "worker" || kill === "web"
        ? setTimeout(
            () => {
              const pid =
                kill === "worker"
                  ? portal.workers[0]?.pid
                  : childProcessesOf(portal.server.pid!, "scripts/server.ts").sort((a, b) => a - b)[0];
              if (pid === undefined) {
                log(`Збій не влаштовано: не знайшов процесу, який можна зупинити (--kill ${kill})`);
                return;
              }
              process.kill(pid, "SIGKILL");
              fault = { kill, pid, atSecond: Math.round((Date.now() - loadStarted) / 100) / 10 };
              log(
                `Збій: ${kill === "worker" ? "обробник завдань" : "веб-процес"} ${pid} зупинено (SIGKILL) на ${fault.atSecond} с`,
              );
            },
            (seconds * 1000) / 2,
          )
        : null;
    await Promise.all([
      ...directors.map((d, i) => director(d, i)),
      ...Array.from({ length: statusConnections }, (_, i) => conscripts(i)),
      ...Array.from({ length: officialCount }, () => officials()),
    ]);
    if (faultTimer) clearTimeout(faultTimer);
    const cpu = cpuBetween(cpuBefore, cpuSnapshot());
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const load = os.loadavg()[0]!;
    if (counting) {
      log("Postgres за час навантаження (pg_stat_statements), найдорожчі запити:");
      for (const s of await topStatements(url, 15))
        log(`  ${s.totalMs} мс, ${s.calls} викл., ${s.meanMs} мс/викл., ${s.rows} рядків: ${s.query.slice(0, 160)}`);
    } else if (process.env.BENCH_STATEMENTS === "1")
      log("pg_stat_statements не завантажено (Postgres запущено раніше без нього): запити не підраховано");

    // Let the queue drain, then read the decisions and the limits from the database.
    await useDatabase(url);
    // Every application the database accepted during the load, also those whose answer a killed
    // process never sent: each must be decided, and decided once.
    const confirmed = new Set(submitted.map((s) => s.id));
    const accepted = await db.application.findMany({
      where: { submittedAt: { gte: new Date(loadStarted - 1_000) } },
      select: { id: true },
    });
    const ids = [...new Set([...confirmed, ...accepted.map((a) => a.id)])];
    const unconfirmed = ids.filter((id) => !confirmed.has(id)).length;
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
    const decisionRows = await db.auditLog.groupBy({
      by: ["entityId"],
      where: { action: "application.decide", entityId: { in: ids } },
      _count: { _all: true },
    });
    const decidedTwice = decisionRows.filter((row) => row._count._all > 1).length;
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
    const statusPerSecond = Math.round(statusStats.requests / loadSeconds);
    // The status load the issue sets is part of the peak: answered at a twentieth below the rate
    // asked (a slow server is not sent bursts to catch up), it was not carried.
    const statusRateMet = statusRate === 0 || statusPerSecond >= 0.95 * statusRate;
    const errors =
      browseStats.errors + statusStats.errors + dashboardStats.errors + submitErrors.length + failed + pending;
    const decisionLagP95Ms = round(pct(lags, 95));
    log(
      `Керівники: сторінки й списки ${browseStats.requests} запитів, p50 ${browseStats.p50} мс, p95 ${browseStats.p95} мс, p99 ${browseStats.p99} мс, помилок ${browseStats.errors}`,
    );
    log(
      `Заяви: подано ${submitted.length} (${submitted.reduce((s, a) => s + a.employees, 0)} працівників)${unconfirmed ? ` і ще ${unconfirmed} прийнято без відповіді` : ""}, розглянуто ${decided.length}, збоїв ${failed}, не розглянуто за 120 с ${pending}, розглянуто двічі ${decidedTwice}; помилок подання ${submitErrors.length}`,
    );
    for (const line of [...submitErrors.slice(0, 5), ...errorSamples.slice(0, 5)]) log(`  ${line}`);
    log(
      `Рішення: ${employeesDecided} працівників за ${decidingSeconds.toFixed(1)} с = ${employeesDecidedPerSecond}/с; від подання до рішення p50 ${round(pct(lags, 50))} мс, p95 ${decisionLagP95Ms} мс`,
    );
    log(
      `Статус (${statusOn === "own" ? "API статусу у власному процесі" : "через веб-сервер"}): ${statusStats.requests} запитів = ${statusPerSecond}/с із ${statusRate > 0 ? `${statusRate}/с запитаних` : "скільки встигне"}, p50 ${statusStats.p50} мс, p99 ${statusStats.p99} мс, помилок ${statusStats.errors}`,
    );
    log(
      `Дашборд міністерства: ${dashboardStats.requests} запитів, p95 ${dashboardStats.p95} мс, помилок ${dashboardStats.errors}`,
    );
    if (cpu)
      log(
        `CPU за час навантаження: машина зайнята на ${Math.round(cpu.machineBusy * 100)} % з ${os.cpus().length} ядер; веб ${cpu.cores.web} ядра, API статусу ${cpu.cores.status}, Postgres ${cpu.cores.postgres}, обробники ${cpu.cores.workers}, генератор навантаження ${cpu.cores.loadGenerator}, інше ${cpu.cores.other}`,
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
      statusRateMet &&
      employeesDecidedPerSecond >= TARGETS.employeesDecidedPerSecond &&
      decisionLagP95Ms <= TARGETS.decisionLagP95Ms &&
      browseStats.p95 <= TARGETS.browseP95Ms &&
      statusStats.p99 <= TARGETS.statusP99Ms &&
      errors === 0 &&
      decidedTwice === 0 &&
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
        decisionLagMaxMs: lags.length > 0 ? Math.max(...lags) : null,
        browseP95Ms: browseStats.p95,
        browse: browseStats,
        statusP99Ms: statusStats.p99,
        statusPerSecond,
        statusRateAsked: statusRate,
        statusOn,
        status: statusStats,
        dashboard: dashboardStats,
        applications: {
          submitted: submitted.length,
          unconfirmed,
          decided: decided.length,
          failed,
          pending,
          decidedTwice,
          employeesDecided,
        },
        fault,
        cpu,
        errors,
        limitViolations: over.length,
        targets: { ...TARGETS, statusPerSecond: statusRate },
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
