import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";
import { CLUSTER_MARKER } from "./data-folder";
import { isProcessAlive } from "./folder-lock";

// bronya.json lives inside the cluster folder (Postgres ignores files it does not know), so the
// password and the last port travel with the data they belong to.

const ZClusterMarker = z.object({
  user: z.string().min(1),
  password: z.string().min(16),
  port: z.number().int().min(1).max(65535),
  createdAt: z.string(),
});

export type ClusterMarker = z.infer<typeof ZClusterMarker>;

export const SUPERUSER = "postgres";

export function newClusterMarker(port: number): ClusterMarker {
  return {
    user: SUPERUSER,
    password: randomBytes(18).toString("base64url"),
    port,
    createdAt: new Date().toISOString(),
  };
}

export async function readClusterMarker(folder: string): Promise<ClusterMarker> {
  const file = path.join(folder, CLUSTER_MARKER);
  try {
    return ZClusterMarker.parse(JSON.parse(await readFile(file, "utf8")));
  } catch (error) {
    throw new AppError(
      "DATA_FOLDER_DAMAGED",
      `Файл ${file} пошкоджено: без нього невідомий пароль кластера; відновіть файл або вкажіть іншу папку в DATA_DIR; нічого не змінено. (Unreadable cluster marker.)`,
      { cause: error },
    );
  }
}

export async function writeClusterMarker(folder: string, marker: ClusterMarker): Promise<void> {
  await writeFile(path.join(folder, CLUSTER_MARKER), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The cluster's URL. With `socketDirectory` its clients connect through the Unix socket there
 * (`?host=`, which node-postgres, pg-boss, Prisma and libpq all read); host and port stay in the
 * URL for what needs TCP (pgbench, a replica's primary_conninfo) and for the socket's name.
 */
export function clusterUrl(
  marker: Pick<ClusterMarker, "user" | "password">,
  port: number,
  database: string,
  socketDirectory: string | null = null,
): string {
  const url = `postgresql://${encodeURIComponent(marker.user)}:${encodeURIComponent(marker.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return socketDirectory ? `${url}?host=${encodeURIComponent(socketDirectory)}` : url;
}

// A socket's path must fit the OS's sun_path (107 bytes on Linux, 103 on macOS); Postgres names it
// <directory>/.s.PGSQL.<port>, and its list setting splits on commas, spaces and quotes.
const SOCKET_PATH_MAX = 100;
const PLAIN_PATH = /^[A-Za-z0-9/._+@=-]+$/;

/**
 * Where the cluster in `folder` puts its Unix socket: the folder itself, so that clusters never
 * share a socket directory; null (TCP only) where that path would be too long or not plain, or
 * on Windows.
 */
export function socketDirectoryFor(folder: string): string | null {
  if (process.platform === "win32" || !PLAIN_PATH.test(folder)) return null;
  return Buffer.byteLength(path.join(folder, ".s.PGSQL.65535")) <= SOCKET_PATH_MAX ? folder : null;
}

/** The socket directory a running cluster on `port` listens in, if its socket is there (a cluster started without one has none). */
export function liveSocketDirectory(folder: string, port: number): string | null {
  const directory = socketDirectoryFor(folder);
  return directory && existsSync(path.join(directory, `.s.PGSQL.${port}`)) ? directory : null;
}

export type LivePostmaster = { pid: number; port: number };

/** The PID runs postgres on this very folder (a stale postmaster.pid may name a reused PID). */
function runsOnFolder(pid: number, folder: string): boolean {
  // Without /proc (macOS) a live PID is the best evidence there is.
  if (!existsSync("/proc/self/cmdline")) return true;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return (args[0] ?? "").endsWith("postgres") && args.includes(folder);
  } catch {
    return false;
  }
}

/**
 * A postmaster that still runs on this folder, e.g. left behind when its launcher was killed
 * with SIGKILL. Postgres keeps its PID on line 1 of postmaster.pid and its port on line 4.
 */
export async function findLivePostmaster(folder: string): Promise<LivePostmaster | null> {
  let text: string;
  try {
    text = await readFile(path.join(folder, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  if (!isProcessAlive(pid) || !runsOnFolder(pid, path.resolve(folder))) return null;
  return { pid, port };
}

/** Asks a postmaster we did not start for a fast shutdown and waits until it is gone. */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
