import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import type { Pool } from "undici";
import type { RoleOption } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/cluster";
import { openKeyFile, type OpenedKeyFile } from "@/lib/kep/browser";
import { ensureTestProvider } from "@/lib/kep/provider/ensure-test-provider";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { nativeSigner, type NativeSigner } from "./native-signer";
import { registry } from "@/lib/registry";
import { demoUser } from "@/prisma/seed/demo-users";

// What the benchmarks that drive the portal over HTTP share (peak, route-costs): the signed-in
// people of a seeded database — directors of critical enterprises with КЕП keys from the test
// provider, conscripts, an official — and the portal itself as `npm start` runs it (the web
// server and job workers as separate processes, production build).

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const KEY_PASSWORD = "Bench-Peak-Key1";
const SESSION_COOKIE = "next-auth.session-token";

export type Director = {
  edrpou: string;
  rnokpp: string;
  cookie: string;
  key: OpenedKeyFile;
  /** Signs as the director's browser would, with node:crypto (native-signer.ts). */
  sign: NativeSigner;
  staff: number;
};
export type Sample = { ms: number; ok: boolean };

/** Deadline-day application sizes: a share of the applications, each of `from` to `from + span - 1` employees. */
const APPLICATION_MIX = [
  { share: 0.6, from: 1, span: 20 },
  { share: 0.3, from: 20, span: 180 },
  { share: 0.1, from: 200, span: 1_800 },
] as const;

export function applicationSize(random: () => number): number {
  const r = random();
  let below = 0;
  for (const band of APPLICATION_MIX) {
    below += band.share;
    if (r < below || band === APPLICATION_MIX.at(-1)) return band.from + Math.floor(random() * band.span);
  }
  throw new Error("unreachable");
}

/** The mean of applicationSize's mix when no enterprise bounds it (149.1 employees). */
export const APPLICATION_SIZE_MEAN = APPLICATION_MIX.reduce(
  (sum, band) => sum + band.share * (band.from + (band.span - 1) / 2),
  0,
);

/** A session cookie as next-auth issues it (the bench knows the server's secret; nothing is bypassed server-side). */
export async function sessionCookie(
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

/**
 * Heads of critical enterprises with a decision in force — the tenth of them with the most
 * military-liable staff (at national scale the giants of 10,000–50,000), the rest a fixed
 * pseudo-random sample of all the others, so that sizes follow the seed's distribution (most
 * enterprises small) instead of the country's largest hundred; each gets a КЕП key from the test
 * provider and a session. Needs the database in use (useDatabase).
 */
export async function prepareDirectors(
  secret: string,
  count: number,
  onProgress?: (found: number) => void,
): Promise<Director[]> {
  await ensureTestProvider({ db, now: new Date() });
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
    take: Math.max(1, Math.round(count / 10)),
  });
  const { relations } = registry();
  const sampled = await db.$queryRaw<Array<{ edrpou: string }>>`
    SELECT DISTINCT d.edrpou, md5(d.edrpou) FROM critical_decisions d JOIN ${relations.enterprises} e ON e.edrpou = d.edrpou
     WHERE d.status = 'ACTIVE' AND d."validUntil" >= now() AND e."headRnokpp" IS NOT NULL AND e."liquidatedOn" IS NULL
       AND d.edrpou <> ALL(${largest.map((d) => d.edrpou)}::text[])
     ORDER BY md5(d.edrpou) LIMIT ${count - largest.length}`;
  const decisions = await db.criticalDecision.findMany({
    where: { ...inForce, edrpou: { in: [...largest, ...sampled].map((d) => d.edrpou) } },
    select: {
      edrpou: true,
      militaryLiableCount: true,
      enterprise: { select: { name: true, headRnokpp: true, head: { select: { lastName: true, firstName: true } } } },
    },
    orderBy: { militaryLiableCount: "desc" },
    distinct: ["edrpou"],
    take: count,
  });
  if (decisions.length === 0) throw new Error("У засіяній базі немає критичних підприємств із керівником");
  onProgress?.(decisions.length);
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
    const key = openKeyFile(issued.p12, KEY_PASSWORD);
    directors.push({
      edrpou: decision.edrpou,
      rnokpp,
      cookie,
      key,
      sign: nativeSigner(key),
      staff: decision.militaryLiableCount,
    });
  }
  return directors;
}

/** Sessions of `count` persons on military registration (conscripts polling their status). */
export async function conscriptCookies(secret: string, count: number): Promise<string[]> {
  const registered = await db.militaryRegistration.findMany({ select: { rnokpp: true }, take: count });
  return Promise.all(
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
}

/** The demo official of the Ministry of Economy, signed in. */
export async function officialCookie(secret: string): Promise<string> {
  const official = demoUser("official-economy");
  const officialUser = await db.user.findFirstOrThrow({
    where: { email: official.login },
    select: { id: true, memberships: { select: { authorityId: true }, take: 1 } },
  });
  return sessionCookie(secret, {
    uid: officialUser.id,
    rnokpp: null,
    name: official.fullName,
    via: "password",
    role: { role: "OFFICIAL", authorityId: officialUser.memberships[0]!.authorityId!, label: "Посадова особа" },
  });
}

// A benchmark interrupted (Ctrl-C, a timeout's SIGTERM) takes its web server and workers with it:
// left behind, an orphaned web server went on taking most of a core through the next run.
const started = new Set<ChildProcess>();
let stopOnExit = false;
function stopStartedProcesses() {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}
function stopWithThisProcess() {
  if (stopOnExit) return;
  stopOnExit = true;
  process.once("exit", stopStartedProcesses);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      process.stderr.write(`Вимірювання перервано (${signal}): зупиняю веб-сервер і обробники.\n`);
      stopStartedProcesses();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  stopWithThisProcess();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], env });
  started.add(child);
  child.once("exit", () => started.delete(child));
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) process.stderr.write(`[${name}] ${text}\n`);
  });
  return child;
}

export async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

async function waitForHealth(baseUrl: string, server: ChildProcess, name = "веб-сервер") {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${name} завершився з кодом ${server.exitCode}`);
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} не відповів на /api/health за 90 с`);
}

export type RunningPortal = {
  baseUrl: string;
  server: ChildProcess;
  children: ChildProcess[];
  /** The status API's own server (STATUS_PORT) when `statusServer` asked for it. */
  statusUrl: string | null;
  statusServer: ChildProcess | null;
  workers: ChildProcess[];
};

/**
 * The portal as `npm start` runs it: the web server (Next behind node:http; WEB_PROCESSES of the
 * environment) and `workers` job workers. PEAK_PROFILE_DIR=dir: each writes a V8 CPU profile
 * (.cpuprofile) there when it stops. Started processes are pushed to `children` as they start,
 * so the caller stops them even when start-up fails.
 */
export async function startPortal(options: {
  databaseUrl: string;
  secret: string;
  dataDir: string;
  workers: number;
  children: ChildProcess[];
  /** Also start the status API on a port of its own (scripts/status-server.ts), as STATUS_PORT does. */
  statusServer?: boolean;
  /** WEB_PROCESSES for the web server (node:cluster); the environment's, else 1. */
  webProcesses?: number;
}): Promise<RunningPortal> {
  const port = await findFreePort();
  const statusPort = options.statusServer ? await findFreePort() : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: baseUrl,
    PORTAL_URL: baseUrl,
    DATA_DIR: options.dataDir,
    DEMO_MODE: "1",
    PORT: String(port),
    ...(statusPort ? { STATUS_PORT: String(statusPort) } : {}),
    ...(options.webProcesses ? { WEB_PROCESSES: String(options.webProcesses) } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const profile = process.env.PEAK_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.PEAK_PROFILE_DIR)}`]
    : [];
  const server = startProcess(
    [...profile, "--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/server.ts", "start"],
    env,
    "web",
  );
  options.children.push(server);
  const workers: ChildProcess[] = [];
  for (let i = 0; i < options.workers; i++) {
    const worker = startProcess(
      [...profile, "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      env,
      `worker ${i + 1}`,
    );
    workers.push(worker);
    options.children.push(worker);
  }
  const statusServer = statusPort
    ? startProcess(
        [
          ...profile,
          "--import",
          "tsx",
          "--import",
          "./scripts/server/register-hooks.mjs",
          "scripts/status-server.ts",
          "start",
        ],
        env,
        "status",
      )
    : null;
  if (statusServer) options.children.push(statusServer);
  await waitForHealth(baseUrl, server);
  const statusUrl = statusPort ? `http://127.0.0.1:${statusPort}` : null;
  if (statusUrl && statusServer) await waitForHealth(statusUrl, statusServer, "API статусу");
  return { baseUrl, server, children: options.children, statusUrl, statusServer, workers };
}

/** One request through an undici pool: its time, whether it answered 2xx, and its body. */
export async function timedRequest(
  pool: Pool,
  baseUrl: string,
  options: { path: string; method?: "GET" | "POST"; cookie: string; body?: unknown },
): Promise<{ ms: number; status: number; text: string; ok: boolean }> {
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
    return { ms: performance.now() - t0, status: response.statusCode, text, ok };
  } catch (error) {
    return { ms: performance.now() - t0, status: 0, text: (error as Error).message, ok: false };
  }
}

/** CPU time (user + system, ms) a Linux process has used so far; null elsewhere. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // /proc/<pid>/stat: the fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // In clock ticks of USER_HZ, which is 100 on every Linux the portal runs on.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
