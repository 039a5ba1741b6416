import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { findFreePort, parseDatabaseUrl } from "@/lib/db/cluster";
import { demoUser } from "@/prisma/seed/demo-users";
import { benchPersons, prepareSeededDatabase } from "./support/bench-database";
import { percentile } from "./support/stats";

// GET /api/v1/me/status under load, next to `pgbench -S` on the same database in the same run.
// The benchmarks' seeded embedded Postgres (support/bench-database.ts); the production web server
// as the launcher runs it (scripts/server.ts: Next.js behind node:http, the status route answered
// before Next) from the existing .next build — this script never builds — on a free port; a demo
// conscript signed in over HTTP; then pgbench's select-only run and this script's keep-alive
// load generator (undici's pool), one after the other, for the same time and number of connections. For
// reference, the same route through Next's own pipeline (`next start`) is measured after, and the
// floor: the route's own two statements (and the status read alone) under a bare node:http server,
// what the route would answer if everything else it does cost nothing.
// Targets (issue 10, at national scale): HTTP tps ≥ 25% of pgbench -S tps, HTTP p99 ≤ 20 ms (the
// earlier ≥ 10% and ≤ 50 ms are reported beside them).
// Run: npm run bench (or: tsx --conditions=react-server scripts/bench/me-status.bench.ts).
// BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_PERSONS (registry size, 30,000; or npm run bench -- --persons N).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PERSONS = benchPersons();
const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 20;
const EARLIER_TARGET = { ratio: 0.1, p99Ms: 50 };

type Result = { tps: number; p50: number; p99: number; requests: number };
const log = (line: string) => console.log(`[bench me-status] ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

async function pgbenchSelectOnly(databaseUrl: string, workDir: string): Promise<Result> {
  const db = parseDatabaseUrl(databaseUrl);
  const password = decodeURIComponent(new URL(databaseUrl).password);
  const env = {
    ...process.env,
    // The same way in as the portal's connections: the cluster's Unix socket when its URL names one.
    PGHOST: new URL(databaseUrl).searchParams.get("host") ?? db.host,
    PGPORT: String(db.port),
    PGUSER: db.user,
    PGPASSWORD: password,
    PGDATABASE: db.database,
  };
  log("pgbench -i -s 10 (1 000 000 рядків)…");
  await run("pgbench", ["-i", "-s", "10", "-q"], env, workDir);
  const out = await run(
    "pgbench",
    [
      "-S",
      "-n",
      "-c",
      String(CONNECTIONS),
      "-j",
      "2",
      "-T",
      String(SECONDS),
      "-l",
      "--log-prefix",
      path.join(workDir, "pgbench_log"),
    ],
    env,
    workDir,
  );
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const latencies: number[] = [];
  for (const file of (await readdir(workDir)).filter((f) => f.startsWith("pgbench_log"))) {
    for (const line of (await readFile(path.join(workDir, file), "utf8")).split("\n")) {
      const micros = Number(line.split(" ")[2]);
      if (Number.isFinite(micros) && line) latencies.push(micros / 1000);
    }
  }
  return { tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length };
}

async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ login, password, csrfToken, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Вхід демо-користувача ${login} не вдався (HTTP ${response.status})`);
  return session;
}

/**
 * `connections` keep-alive connections, each sending the next request as soon as the last answer
 * arrives, driven by undici's connection pool (as the peak benchmark is). The generator shares the
 * two cores with the server it measures, so its own CPU per request is reported beside the server's.
 */
async function httpLoad(
  port: number,
  cookie: string,
  seconds: number,
): Promise<Result & { failures: number; clientCpuMsPerRequest: number }> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const headers = { cookie, accept: "application/json" };
  const get = async () => {
    const response = await pool.request({ method: "GET", path: "/api/v1/me/status", headers });
    await response.body.dump();
    return response.statusCode;
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await get().catch(() => 0);
        if (status === 200) latencies.push(performance.now() - t0);
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.close();
  if (latencies.length === 0) throw new Error(`Жодної успішної відповіді (помилок: ${failures})`);
  return {
    tps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    failures,
    clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / (latencies.length + failures),
  };
}

/** CPU time (user + system, ms) a process has used so far; null where /proc is not there. */
async function cpuMs(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 : null;
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`сервер завершився з кодом ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("Сервер не відповів на /api/health за 60 с");
}

type ServerKind = "portal" | "next" | "floor";

/**
 * The portal's web server (what `npm start` runs), plain `next start` for reference, or the floor:
 * the route's own statements under a bare node:http server (support/status-floor-server.ts).
 */
function startServer(kind: ServerKind, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const args =
    kind === "portal"
      ? ["--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/server.ts", "start"]
      : kind === "floor"
        ? ["--conditions=react-server", "--import", "tsx", "scripts/bench/support/status-floor-server.ts"]
        : [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)];
  return spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, PORT: String(port) },
  });
}

async function stopServer(server: ChildProcess | undefined) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
}

/** Load on one server: warm-up, then the measured run with the server process's CPU per request. */
async function measure(port: number, cookie: string, server: ChildProcess) {
  await httpLoad(port, cookie, 2); // warm-up: JIT, the pool's connections, route caches
  const before = await cpuMs(server.pid);
  const result = await httpLoad(port, cookie, SECONDS);
  const after = await cpuMs(server.pid);
  return {
    ...result,
    cpuMsPerRequest: before !== null && after !== null ? (after - before) / (result.requests + result.failures) : null,
  };
}

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("Немає продакшн-збірки: спершу npm run build (цей скрипт сам не збирає)");
  const database = await prepareSeededDatabase({ log, persons: PERSONS });
  const databaseUrl = await database.clone("bench_me_status");
  const workDir = await mkdtemp(path.join(os.tmpdir(), "bronya-bench-me-status-"));
  let server: ChildProcess | undefined;
  try {
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: `bench-${Math.random().toString(36).slice(2)}-secret-key`,
      NEXTAUTH_URL: baseUrl,
      PORTAL_URL: baseUrl,
      DATA_DIR: workDir,
      DEMO_MODE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    server = startServer("portal", port, serverEnv);
    await waitForHealth(baseUrl, server);
    const conscript = demoUser("conscript-reserved");
    const cookie = await signIn(baseUrl, conscript.login, conscript.password);
    const sample = await fetch(`${baseUrl}/api/v1/me/status`, { headers: { cookie } });
    const body = (await sample.json()) as { rnokpp?: string; reservation?: unknown };
    if (sample.status !== 200 || body.rnokpp !== conscript.rnokpp)
      throw new Error(`Статус не отримано: HTTP ${sample.status} ${JSON.stringify(body)}`);
    log(
      `веб-сервер порталу на порту ${port}, увійшов як ${conscript.fullName}; бронювання: ${body.reservation ? "є" : "немає"}`,
    );

    const pg = await pgbenchSelectOnly(databaseUrl, workDir);
    log(
      `pgbench -S: ${pg.tps.toFixed(0)} tps, p50 ${pg.p50.toFixed(2)} мс, p99 ${pg.p99.toFixed(2)} мс (${CONNECTIONS} з'єднань, ${SECONDS} с)`,
    );
    const api = await measure(port, cookie, server);
    log(
      `GET /api/v1/me/status: ${api.tps.toFixed(0)} tps, p50 ${api.p50.toFixed(2)} мс, p99 ${api.p99.toFixed(2)} мс, помилок ${api.failures} (${CONNECTIONS} keep-alive з'єднань undici, ${SECONDS} с; генератор навантаження ${api.clientCpuMsPerRequest.toFixed(2)} мс CPU на запит)`,
    );
    if (api.cpuMsPerRequest !== null) {
      log(
        `процес веб-сервера: ${api.cpuMsPerRequest.toFixed(2)} мс CPU на запит; навантаження машини (loadavg 1 хв): ${os.loadavg()[0]!.toFixed(1)} на ${os.cpus().length} ядра`,
      );
    }
    await stopServer(server);

    // Reference: the same route file through Next's own request pipeline.
    const nextPort = await findFreePort();
    server = startServer("next", nextPort, {
      ...serverEnv,
      NEXTAUTH_URL: `http://127.0.0.1:${nextPort}`,
      PORTAL_URL: `http://127.0.0.1:${nextPort}`,
    });
    await waitForHealth(`http://127.0.0.1:${nextPort}`, server);
    const viaNext = await measure(nextPort, cookie, server);
    log(
      `довідково, той самий маршрут через next start: ${viaNext.tps.toFixed(0)} tps, p99 ${viaNext.p99.toFixed(2)} мс${viaNext.cpuMsPerRequest !== null ? `, ${viaNext.cpuMsPerRequest.toFixed(2)} мс CPU на запит` : ""}`,
    );

    // The floor: what the route's statements alone allow, each run as the route runs it (named,
    // prepared, on node-postgres) under a server that does nothing else — both of them, and the
    // status read alone. The share of pgbench -S the route can reach is bounded by the first.
    const measureFloor = async (statements: 1 | 2) => {
      const floorPort = await findFreePort();
      server = startServer("floor", floorPort, {
        ...serverEnv,
        FLOOR_STATEMENTS: String(statements),
        FLOOR_RNOKPP: conscript.rnokpp,
      });
      await waitForHealth(`http://127.0.0.1:${floorPort}`, server);
      const result = await measure(floorPort, cookie, server);
      await stopServer(server);
      log(
        `межа: ${statements === 2 ? "обидва запити маршруту (вихід із сеансу, статус)" : "лише запит статусу"} під голим node:http, без решти маршруту: ${result.tps.toFixed(0)} tps = ${((result.tps / pg.tps) * 100).toFixed(1)}% від pgbench -S, p99 ${result.p99.toFixed(2)} мс`,
      );
      return { ...result, ratio: result.tps / pg.tps };
    };
    const floor = { twoStatements: await measureFloor(2), oneStatement: await measureFloor(1) };

    const ratio = api.tps / pg.tps;
    const ok = ratio >= TARGET_RATIO && api.p99 <= TARGET_P99_MS && api.failures === 0;
    log(
      `співвідношення ${(ratio * 100).toFixed(1)}% від pgbench -S (ціль ≥ ${TARGET_RATIO * 100}%), p99 ${api.p99.toFixed(1)} мс (ціль ≤ ${TARGET_P99_MS} мс): ${ok ? "ЦІЛЬ ДОСЯГНУТО" : "ЦІЛЬ НЕ ДОСЯГНУТО"}`,
    );
    console.log(
      JSON.stringify({
        bench: "me-status",
        cpus: os.cpus().length,
        loadavg: os.loadavg()[0],
        connections: CONNECTIONS,
        seconds: SECONDS,
        pgbench: pg,
        api,
        viaNext,
        floor,
        ratio,
        targets: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
        earlierTargetMet: ratio >= EARLIER_TARGET.ratio && api.p99 <= EARLIER_TARGET.p99Ms && api.failures === 0,
        targetMet: ok,
      }),
    );
    return api.failures === 0 ? 0 : 1;
  } finally {
    await stopServer(server);
    await database.drop("bench_me_status").catch(() => undefined);
    await database.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench me-status] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
