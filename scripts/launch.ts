import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  APP_DATABASE,
  openDatabase,
  redactDatabaseUrl,
  startReplica,
  type OpenDatabase,
  type RunningReplica,
} from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors";
import { log, runScript } from "./db/run-script";
import { formatBanner } from "./launch/banner";
import { startChild, waitForPort, type ChildExit, type ManagedChild } from "./launch/children";
import { buildChildEnv, readLaunchConfig } from "./launch/config";
import { assertPortFree, assertProductionBuild, ensureAuthSecret } from "./launch/preflight";
import { assertNoDemoAccounts } from "./launch/demo-guard";
import { seedDemoData } from "./launch/seed";
import { ensureDemoKeysAt } from "@/prisma/seed/demo-keys";

// npm run dev / npm start: database (embedded or DATABASE_URL) → migrations → in demo mode only,
// demo data when the registry is empty and demo keys → Next and the job worker as children → the
// URL (and, in demo mode, the demo logins). Production (`npm start`, DEMO_MODE=0 by default) gets
// the schema and nothing else; its first administrator comes from `npm run admin:create`.
// Ctrl-C (SIGINT), SIGTERM or SIGHUP stop Next and the worker, then Postgres, and exit 0.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

class Stopped extends Error {}

let stopSignal: NodeJS.Signals | undefined;
let stopSignalAt = 0;
const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(name, () => {
      if (stopSignal) {
        // tsx relays the terminal's Ctrl-C a moment after it arrives directly: not a second press.
        if (Date.now() - stopSignalAt > 1000) log("Зупинка вже триває, зачекайте кілька секунд…");
        return;
      }
      stopSignal = name;
      stopSignalAt = Date.now();
      log(`\nОтримано ${name}: зупиняю портал…`);
      resolve(name);
    });
  }
});

/** A startup step that a signal may cut short. */
async function step<T>(work: Promise<T>): Promise<T> {
  // Once cut short, the step's own failure (e.g. its database going away) no longer matters.
  work.catch(() => undefined);
  return Promise.race([work, stopRequested.then(() => Promise.reject(new Stopped()))]);
}

function describeExit(exit: ChildExit): string {
  return exit.signal ? `сигналом ${exit.signal}` : `з кодом ${exit.code}`;
}

async function serve(
  database: OpenDatabase,
  labels: { database: string; replica?: string },
  seeded: boolean,
  authSecret: string,
  config: ReturnType<typeof readLaunchConfig>,
  replica: RunningReplica | undefined,
) {
  const resolved = { databaseUrl: database.url, authSecret, replicaUrls: replica ? [replica.url] : [] };
  // WORKERS job workers (pg-boss gives each job to one of them) and one web server, which forks
  // WEB_PROCESSES processes on the port itself (scripts/server.ts).
  const workers = Array.from({ length: config.env.WORKERS }, (_, i) =>
    startChild({
      name: config.env.WORKERS > 1 ? `обробник завдань ${i + 1}` : "обробник завдань",
      command: process.execPath,
      args: ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      env: buildChildEnv(process.env, config, resolved, "worker"),
      cwd: root,
    }),
  );
  const next = startChild({
    name: "Next.js",
    command: process.execPath,
    // Next.js behind our own node:http server, which answers the app's status route itself.
    args: ["--import", "tsx", "--import", "./scripts/server/register-hooks.mjs", "scripts/server.ts", config.mode],
    env: buildChildEnv(process.env, config, resolved, "next"),
    cwd: root,
  });
  // STATUS_PORT: the citizens' status API in processes of its own (scripts/status-server.ts).
  const statusPort = config.env.STATUS_PORT;
  const status =
    statusPort === undefined
      ? null
      : startChild({
          name: "API статусу",
          command: process.execPath,
          args: [
            "--import",
            "tsx",
            "--import",
            "./scripts/server/register-hooks.mjs",
            "scripts/status-server.ts",
            config.mode,
          ],
          env: buildChildEnv(process.env, config, resolved, "status"),
          cwd: root,
        });
  const children: ManagedChild[] = [next, ...(status ? [status] : []), ...workers];
  const firstExit = Promise.race(children.map((child) => child.exited.then((exit) => ({ child, exit }))));

  let waitingFor = `Next.js не почав приймати з'єднання на порту ${config.port}`;
  try {
    await step(waitForPort(config.port, next.exited));
    if (status && statusPort !== undefined) {
      waitingFor = `API статусу не почав приймати з'єднання на порту ${statusPort}`;
      await step(waitForPort(statusPort, status.exited));
    }
    log(
      formatBanner({
        url: config.portalUrl,
        databaseLabel: labels.database,
        replicaLabel: labels.replica,
        statusUrl: statusPort === undefined ? undefined : `http://localhost:${statusPort}/api/v1/me/status`,
        demoMode: config.demoMode,
        seeded,
        demoKeysDir: path.join(config.dataDir, "demo-keys"),
      }),
    );
  } catch (error) {
    if (!(error instanceof Stopped)) log(`${waitingFor}: ${(error as Error).message}.`);
  }

  const outcome = await Promise.race([stopRequested.then(() => null), firstExit]);
  // Next first, so no request meets a stopped database; the worker finishes its running jobs.
  await Promise.all(children.map((child) => child.stop()));
  if (outcome && !stopSignal) {
    const clean = outcome.exit.code === 0 || outcome.exit.signal === "SIGINT" || outcome.exit.signal === "SIGTERM";
    if (!clean) {
      throw new AppError(
        "CHILD_FAILED",
        `${outcome.child.name} завершився ${describeExit(outcome.exit)}: портал зупинено; перегляньте повідомлення вище і запустіть npm run ${config.mode === "dev" ? "dev" : "start"} знову.`,
      );
    }
  }
}

await runScript(async () => {
  const config = readLaunchConfig(process.argv.slice(2), process.env, root);
  if (config.mode === "start") assertProductionBuild(root);
  await assertPortFree(config.port, config.mode === "dev" ? "npm run dev" : "npm start");
  if (config.env.STATUS_PORT !== undefined)
    await assertPortFree(config.env.STATUS_PORT, config.mode === "dev" ? "npm run dev" : "npm start", "STATUS_PORT");

  const started = Date.now();
  const opening = openDatabase({
    databaseUrl: config.env.DATABASE_URL,
    dataDir: config.dataDir,
    owner: config.mode === "dev" ? "npm run dev" : "npm start",
    shareRunning: false,
    log,
  });
  let database: OpenDatabase;
  try {
    database = await step(opening);
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    // Stopped while the database was starting: let it finish starting, then stop it cleanly.
    await opening.then(
      (opened) => opened.close(),
      () => undefined,
    );
    log("Портал зупинено.");
    return 0;
  }
  let replica: RunningReplica | undefined;
  try {
    const { secret } = await ensureAuthSecret({ dataDir: config.dataDir, fromEnv: config.env.NEXTAUTH_SECRET });
    const migrated = await step(
      applyMigrations({ databaseUrl: database.url, migrationsDir: path.join(root, "prisma/migrations"), log }),
    );
    log(
      `Міграції: ${migrated.applied.length === 0 ? "база актуальна" : `застосовано ${migrated.applied.length}`} (${Date.now() - started} мс від старту).`,
    );
    let seeded = false;
    if (config.demoMode) {
      seeded = (await step(seedDemoData({ databaseUrl: database.url, dataDir: config.dataDir, log }))).seeded;
      // A КЕП key file for every demo user in <DATA_DIR>/demo-keys (issued once, kept after).
      await step(
        ensureDemoKeysAt({ databaseUrl: database.url, dataDir: config.dataDir, portalUrl: config.portalUrl, log }),
      );
    } else {
      await step(assertNoDemoAccounts(database.url));
    }
    const databaseLabel =
      database.source === "external"
        ? redactDatabaseUrl(database.url)
        : `вбудований Postgres, ${redactDatabaseUrl(database.url)}`;
    if (config.replica) {
      if (!database.adminUrl || !database.folder) {
        throw new AppError(
          "LAUNCH_USAGE",
          "--replica працює лише з вбудованим Postgres, запущеним цим процесом. (--replica needs the embedded Postgres.)",
        );
      }
      replica = await step(
        startReplica({
          primaryFolder: database.folder,
          primaryAdminUrl: database.adminUrl,
          folder: `${database.folder}-replica`,
          owner: `npm run ${config.mode}`,
          database: APP_DATABASE,
          log,
        }),
      );
    }
    let replicaLabel: string | undefined;
    if (replica) {
      const lag = await replica.lag();
      replicaLabel = `${redactDatabaseUrl(replica.url)} (потокова реплікація; відставання ${lag.bytes} Б WAL) — статус, списки, дашборди й перевірки читаються з неї`;
    }
    await serve(database, { database: databaseLabel, replica: replicaLabel }, seeded, secret, config, replica);
  } catch (error) {
    if (!(error instanceof Stopped)) {
      await replica?.stop();
      await database.close();
      throw error;
    }
  }
  await replica?.stop();
  await database.close();
  log("Портал зупинено.");
  return 0;
});
