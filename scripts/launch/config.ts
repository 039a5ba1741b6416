import "server-only";
import path from "node:path";
import { parseDatabaseUrl } from "@/lib/db/cluster";
import { env, resetEnvCache, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type LaunchMode = "dev" | "start";

export type LaunchConfig = {
  mode: LaunchMode;
  root: string;
  env: Env;
  port: number;
  dataDir: string;
  /** The portal's public URL; also NEXTAUTH_URL unless that is set. */
  portalUrl: string;
  /** DEMO_MODE: on for `npm run dev`, off for `npm start`, unless the environment says otherwise. */
  demoMode: boolean;
  /** `--replica`: start a streaming replica of the embedded primary and read from it. */
  replica: boolean;
};

/** Parses the command line and the environment; every problem becomes one sentence. */
export function readLaunchConfig(argv: readonly string[], baseEnv: NodeJS.ProcessEnv, root: string): LaunchConfig {
  const mode = argv[0];
  if (mode !== "dev" && mode !== "start") {
    throw new AppError(
      "LAUNCH_USAGE",
      `Невідомий режим «${mode ?? ""}»: запускайте через npm run dev або npm start. (Usage: launch.ts dev|start [--replica].)`,
    );
  }
  const unknown = argv.slice(1).filter((flag) => flag !== "--replica");
  if (unknown.length > 0) {
    throw new AppError(
      "LAUNCH_USAGE",
      `Невідомий параметр «${unknown[0]}»: можливий лише --replica (npm run ${mode} -- --replica). (Usage: launch.ts dev|start [--replica].)`,
    );
  }
  const replica = argv.includes("--replica");
  if (replica && baseEnv.DATABASE_URL !== undefined) {
    throw new AppError(
      "LAUNCH_USAGE",
      "--replica запускає репліку вбудованого Postgres, а DATABASE_URL вказує на зовнішній сервер: для нього налаштуйте реплікацію на сервері й передайте адреси реплік у DATABASE_REPLICA_URLS. (--replica needs the embedded Postgres.)",
    );
  }
  // Checked before the generic parse so that a bad URL gets its own, more precise sentence.
  if (baseEnv.DATABASE_URL !== undefined) parseDatabaseUrl(baseEnv.DATABASE_URL);
  let parsed: Env;
  try {
    resetEnvCache();
    parsed = env();
  } catch (error) {
    const problem = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
    throw new AppError(
      "LAUNCH_ENV_INVALID",
      `${problem} — виправте значення (або приберіть DATABASE_URL, щоб працювати з вбудованим Postgres) і запустіть знову. (Invalid environment.)`,
    );
  }
  if (mode === "dev" && parsed.WEB_PROCESSES > 1) {
    throw new AppError(
      "LAUNCH_ENV_INVALID",
      `WEB_PROCESSES=${parsed.WEB_PROCESSES} працює лише з npm start (продакшн-збірка): npm run dev запускає один веб-процес, бо dev-сервер Next.js перекомпільовує сторінки у спільній папці .next. (WEB_PROCESSES > 1 needs npm start.)`,
    );
  }
  const port = parsed.PORT;
  if (parsed.STATUS_PORT === port) {
    throw new AppError(
      "LAUNCH_ENV_INVALID",
      `STATUS_PORT=${port} збігається з PORT: API статусу потрібен окремий порт (або приберіть STATUS_PORT — тоді статус відповідає веб-сервер). (STATUS_PORT must differ from PORT.)`,
    );
  }
  // PORTAL_URL defaults to port 3000; when only PORT is given, the default follows it.
  const portalUrl = (baseEnv.PORTAL_URL ? parsed.PORTAL_URL : `http://localhost:${port}`).replace(/\/$/, "");
  // `npm run dev` is the demo; `npm start` is production and shows nothing demo unless asked to.
  const demoMode = baseEnv.DEMO_MODE === undefined || baseEnv.DEMO_MODE === "" ? mode === "dev" : parsed.DEMO_MODE;
  if (replica && parsed.DATABASE_REPLICA_URLS.length > 0) {
    throw new AppError(
      "LAUNCH_USAGE",
      "Задано і --replica, і DATABASE_REPLICA_URLS: оберіть одне — власну репліку (--replica) або свої (DATABASE_REPLICA_URLS). (Both --replica and DATABASE_REPLICA_URLS.)",
    );
  }
  return { mode, root, env: parsed, port, dataDir: path.resolve(root, parsed.DATA_DIR), portalUrl, demoMode, replica };
}

/** The environment of Next and the worker: the launcher's own, plus what it decided. */
export function buildChildEnv(
  baseEnv: NodeJS.ProcessEnv,
  config: LaunchConfig,
  resolved: { databaseUrl: string; authSecret: string; replicaUrls?: readonly string[] },
  _child: "next" | "worker" | "status",
): Record<string, string | undefined> {
  const childEnv: Record<string, string | undefined> = {
    ...baseEnv,
    DATABASE_URL: resolved.databaseUrl,
    NEXTAUTH_SECRET: resolved.authSecret,
    NEXTAUTH_URL: baseEnv.NEXTAUTH_URL || config.portalUrl,
    PORTAL_URL: config.portalUrl,
    DATA_DIR: config.dataDir,
    PORT: String(config.port),
    DEMO_MODE: config.demoMode ? "1" : "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (resolved.replicaUrls && resolved.replicaUrls.length > 0)
    childEnv.DATABASE_REPLICA_URLS = resolved.replicaUrls.join(",");
  childEnv.NODE_ENV = config.mode === "dev" ? "development" : "production";
  return childEnv;
}
