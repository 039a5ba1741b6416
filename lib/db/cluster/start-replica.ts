import "server-only";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, copyFile, lstat, mkdir, readdir, rename, rm, writeFile, appendFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { clusterUrl, findLivePostmaster, readClusterMarker, stopPostmaster, writeClusterMarker } from "./cluster-files";
import { acquireFolderLock } from "./folder-lock";
import { findFreePort, isPortFree } from "./free-port";
import { runningAsRoot } from "./load-embedded-postgres";
import { PostgresStartError, spawnPostgres } from "./postgres-process";
import { PostgresOutput, describeStartFailure } from "./postgres-output";

// A streaming replica of the embedded primary, made the way Postgres' documentation describes a
// low-level base backup (embedded-postgres ships no pg_basebackup): a physical replication slot
// keeps the WAL from the backup's start, pg_backup_start() → copy the data folder → pg_backup_stop()
// gives the backup_label, then standby.signal and primary_conninfo make the copy follow the
// primary. It serves read-only queries (hot standby); lib/db/client routes read-only contexts to it.

export const REPLICATION_SLOT = "bronya_replica";

export type StartReplicaOptions = {
  /** The primary's cluster folder (.data/postgres) and its superuser URL (database "postgres"). */
  primaryFolder: string;
  primaryAdminUrl: string;
  /** The replica's folder, e.g. .data/postgres-replica; made from a base backup when missing. */
  folder: string;
  owner: string;
  database: string;
  /** The replication slot and application_name on the primary; one per replica (default bronya_replica). */
  name?: string;
  /** Tests: no fsync, and the folder (and the primary's slot) are removed on stop. */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

export type RunningReplica = {
  url: string;
  port: number;
  /** A base backup was taken now (false: an existing replica folder was started). */
  created: boolean;
  timings: { backupMs: number; startMs: number };
  /** Bytes of WAL the replica has not replayed yet, and how long ago its last replayed commit was made. */
  lag(): Promise<{ bytes: number; replayDelayMs: number | null }>;
  stop(): Promise<void>;
};

/** Data-folder entries a base backup leaves out (their directories are recreated empty). */
const EMPTY_DIRECTORIES = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_stat_tmp",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_subtrans",
]);
const SKIPPED_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "tablespace_map",
  "standby.signal",
  "recovery.signal",
]);

/** Copies a live data folder; files that vanish while it runs are fine (WAL replay restores them). */
async function copyDataFolder(from: string, to: string, top = true): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (top && SKIPPED_FILES.has(entry.name)) continue;
    // The primary's Unix socket and its lock file: the replica listens on its own.
    if (top && entry.name.startsWith(".s.PGSQL.")) continue;
    if (entry.name.startsWith("pgsql_tmp")) continue;
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRECTORIES.has(entry.name)) {
        await mkdir(target, { mode: 0o700 });
        continue;
      }
      await copyDataFolder(source, target, false);
    } else if (entry.isFile()) {
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
  }
}

async function chownTree(folder: string, uid: number, gid: number): Promise<void> {
  await chown(folder, uid, gid);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

function quoteConf(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** Takes a base backup of the running primary into `scratch` and configures it as its standby. */
async function takeBaseBackup(options: StartReplicaOptions, name: string, scratch: string): Promise<void> {
  const admin = new pg.Client({ connectionString: options.primaryAdminUrl });
  await admin.connect();
  try {
    const slot = await admin.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [name]);
    // immediately_reserve: the primary keeps every WAL segment from now until the replica has it.
    if (slot.rowCount === 0) await admin.query("SELECT pg_create_physical_replication_slot($1, true)", [name]);
    // The same session must start and stop a non-exclusive backup; fast = an immediate checkpoint.
    await admin.query("SELECT pg_backup_start($1, true)", ["bronya replica"]);
    let label: { labelfile: string; spcmapfile: string | null };
    try {
      await copyDataFolder(options.primaryFolder, scratch);
      await mkdir(path.join(scratch, "pg_wal", "archive_status"), { recursive: true, mode: 0o700 });
      await mkdir(path.join(scratch, "pg_wal", "summaries"), { recursive: true, mode: 0o700 });
    } finally {
      // No WAL archive here: the slot streams the WAL, so do not wait for archiving.
      const stopped = await admin.query<{ labelfile: string; spcmapfile: string | null }>(
        "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)",
      );
      label = stopped.rows[0]!;
    }
    await writeFile(path.join(scratch, "backup_label"), label.labelfile, { mode: 0o600 });
    if (label.spcmapfile) await writeFile(path.join(scratch, "tablespace_map"), label.spcmapfile, { mode: 0o600 });
  } finally {
    await admin.end();
  }
  const primary = new URL(options.primaryAdminUrl);
  const conninfo = [
    "host=127.0.0.1",
    `port=${primary.port}`,
    `user=${decodeURIComponent(primary.username)}`,
    `password=${decodeURIComponent(primary.password)}`,
    `application_name=${name}`,
  ].join(" ");
  await writeFile(path.join(scratch, "standby.signal"), "");
  await appendFile(
    path.join(scratch, "postgresql.auto.conf"),
    `\n# Броня: streaming replica of ${options.primaryFolder}\nprimary_conninfo = ${quoteConf(conninfo)}\nprimary_slot_name = ${quoteConf(name)}\nhot_standby = on\nhot_standby_feedback = on\n`,
  );
  await chmod(scratch, 0o700);
  if (runningAsRoot()) {
    const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }), 10);
    await chownTree(scratch, id("-u"), id("-g"));
  }
}

function replicaFlags(ephemeral: boolean): string[] {
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "lc_messages=C"];
  return ephemeral ? [...flags, "-c", "fsync=off", "-c", "synchronous_commit=off"] : flags;
}

/** Waits until the standby accepts connections to `database` and has replayed up to the primary's position at the call. */
async function waitUntilCaughtUp(url: string, primaryAdminUrl: string, timeoutMs: number): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryAdminUrl });
  await primary.connect();
  let target: string;
  try {
    target = (await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
  } finally {
    await primary.end();
  }
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const replica = new pg.Client({ connectionString: url });
    try {
      await replica.connect();
      const caught = await replica.query<{ ok: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [
        target,
      ]);
      if (caught.rows[0]?.ok) return;
    } catch (error) {
      lastError = error;
    } finally {
      await replica.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new AppError(
    "REPLICA_FAILED",
    `Репліка не наздогнала основний сервер за ${timeoutMs / 1000} с: ${(lastError as Error | undefined)?.message ?? "відставання не зменшується"}.`,
  );
}

/**
 * Starts (making it on first use) a streaming replica of the running embedded primary. Refuses a
 * folder that is not a replica, and a replica folder another live process holds.
 */
export async function startReplica(options: StartReplicaOptions): Promise<RunningReplica> {
  const log = options.log ?? (() => undefined);
  const folder = path.resolve(options.folder);
  const ephemeral = options.ephemeral ?? false;
  const name = options.name ?? REPLICATION_SLOT;
  if (!/^[a-z0-9_]{1,63}$/.test(name))
    throw new AppError("REPLICA_FAILED", `Назва репліки «${name}» некоректна: лише малі латинські літери, цифри й _.`);
  const lock = await acquireFolderLock(`${folder}.lock`, options.owner);
  try {
    const live = existsSync(folder) ? await findLivePostmaster(folder) : null;
    if (live) await stopPostmaster(live.pid);
    let created = false;
    const backupStarted = Date.now();
    if (!existsSync(folder)) {
      log(`Створюю репліку: базова копія ${options.primaryFolder} → ${folder}…`);
      const scratch = `${folder}.basebackup-${process.pid}`;
      await rm(scratch, { recursive: true, force: true });
      try {
        await takeBaseBackup(options, name, scratch);
        const marker = await readClusterMarker(scratch);
        await writeClusterMarker(scratch, { ...marker, port: await findFreePort() });
      } catch (error) {
        await rm(scratch, { recursive: true, force: true });
        if (error instanceof AppError) throw error;
        throw new AppError(
          "REPLICA_FAILED",
          `Не вдалося зробити базову копію для репліки: ${(error as Error).message}.`,
          { cause: error },
        );
      }
      await rename(scratch, folder);
      created = true;
    } else if (!existsSync(path.join(folder, "standby.signal")) || !(await lstat(folder)).isDirectory()) {
      throw new AppError(
        "REPLICA_FAILED",
        `Папка ${folder} існує, але не є реплікою Броні: видаліть її (її буде створено знову з базової копії) і запустіть ще раз; нічого не змінено.`,
      );
    }
    const backupMs = Date.now() - backupStarted;

    const marker = await readClusterMarker(folder);
    const port = (await isPortFree(marker.port)) ? marker.port : await findFreePort();
    if (port !== marker.port) await writeClusterMarker(folder, { ...marker, port });
    const logFile = `${folder}.log`;
    const startStarted = Date.now();
    let server;
    try {
      server = await spawnPostgres({
        folder,
        port,
        flags: replicaFlags(ephemeral),
        detached: !ephemeral,
        logFile,
        timeoutMs: 60_000,
      });
    } catch (error) {
      if (!(error instanceof PostgresStartError)) throw error;
      const output = new PostgresOutput();
      output.onLog(error.output);
      throw describeStartFailure(folder, output, ephemeral ? undefined : logFile);
    }
    const url = clusterUrl(marker, port, options.database);
    try {
      await waitUntilCaughtUp(url, options.primaryAdminUrl, 60_000);
      await lock.publish(url);
    } catch (error) {
      await server.stop();
      throw error;
    }
    const startMs = Date.now() - startStarted;
    log(
      `Репліка: ${created ? "створено" : "запущено"} на порту ${port} (базова копія ${backupMs} мс, запуск ${startMs} мс).`,
    );

    let stopped = false;
    return {
      url,
      port,
      created,
      timings: { backupMs, startMs },
      async lag() {
        const primary = new pg.Client({ connectionString: options.primaryAdminUrl });
        await primary.connect();
        try {
          const result = await primary.query<{ bytes: string | null; replay_lag_ms: string | null }>(
            `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes,
                    (extract(epoch FROM replay_lag) * 1000)::text AS replay_lag_ms
               FROM pg_stat_replication WHERE application_name = $1`,
            [name],
          );
          const row = result.rows[0];
          if (!row) throw new AppError("REPLICA_FAILED", "Репліка не під'єднана до основного сервера.");
          return {
            bytes: Number(row.bytes ?? 0),
            replayDelayMs: row.replay_lag_ms === null ? null : Number(row.replay_lag_ms),
          };
        } finally {
          await primary.end();
        }
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        if (ephemeral) {
          await rm(folder, { recursive: true, force: true });
          // Without its replica the slot would keep WAL on the primary forever.
          const admin = new pg.Client({ connectionString: options.primaryAdminUrl });
          await admin
            .connect()
            .then(() =>
              admin.query(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active",
                [name],
              ),
            )
            .catch(() => undefined)
            .finally(() => admin.end().catch(() => undefined));
        }
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
