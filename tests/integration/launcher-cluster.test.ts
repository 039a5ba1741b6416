import { execFileSync, spawn } from "node:child_process";
import { chmod, chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedCluster, type RunningCluster } from "@/lib/db/cluster";
import { isProcessAlive } from "@/lib/db/cluster/folder-lock";

// The app cluster as the launcher runs it (lib/db/cluster): restart with the data kept, a
// postmaster orphaned by a killed launcher, and folders Postgres itself cannot start from.

const ROOT = path.resolve(".");
const isRoot = process.getuid?.() === 0;
const workDirs: string[] = [];

async function workDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bronya-cluster-"));
  await chmod(dir, 0o755);
  workDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function start(folder: string): Promise<RunningCluster> {
  return startEmbeddedCluster({ folder, owner: "launcher-cluster test", database: "bronya" });
}

async function query<T extends Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(
        path.join(entry.parentPath, entry.name),
        "base64",
      );
  }
  return files;
}

/** A cluster with one row in it, stopped cleanly. */
async function stoppedCluster(): Promise<string> {
  const folder = path.join(await workDir(), "postgres");
  const cluster = await start(folder);
  await query(cluster.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
  await cluster.stop();
  return folder;
}

describe("the embedded app cluster", () => {
  it("creates a cluster once, then restarts on the same URL with its data", async () => {
    const folder = path.join(await workDir(), "postgres");
    const first = await start(folder);
    expect(first).toMatchObject({ created: true, adopted: false });
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    const collation = await query<{ datlocprovider: string; datlocale: string }>(
      first.adminUrl,
      "SELECT datlocprovider, datlocale FROM pg_database WHERE datname = 'bronya'",
    );
    expect(collation).toEqual([{ datlocprovider: "i", datlocale: "uk-UA" }]);
    // Its clients connect through the Unix socket in its own folder (no client address); TCP stays open.
    expect(new URL(first.url).searchParams.get("host")).toBe(folder);
    expect(await query(first.url, "SELECT client_addr FROM pg_stat_activity WHERE pid = pg_backend_pid()")).toEqual([
      { client_addr: null },
    ]);
    const tcp = new URL(first.url);
    tcp.search = "";
    expect(
      await query(
        tcp.toString(),
        "SELECT host(client_addr) AS addr FROM pg_stat_activity WHERE pid = pg_backend_pid()",
      ),
    ).toEqual([{ addr: "127.0.0.1" }]);
    await first.stop();
    await expect(stat(path.join(folder, `.s.PGSQL.${first.port}`))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(stat(path.join(folder, "postmaster.pid"))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(stat(`${folder}.lock`)).rejects.toMatchObject({ code: "ENOENT" });

    const second = await start(folder);
    try {
      expect(second).toMatchObject({ created: false, adopted: false, url: first.url, port: first.port });
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  /** A process holding the app cluster, as a launcher does (the job worker run alone). */
  async function startHolder(dir: string) {
    const holder = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir } as unknown as NodeJS.ProcessEnv,
    });
    let output = "";
    holder.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => holder.on("exit", resolve));
    const deadline = Date.now() + 60_000;
    while (!output.includes("Обробник завдань запущено") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain("Обробник завдань запущено");
    const postmasterPid = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    return { holder, exited, postmasterPid };
  }

  async function waitUntilGone(pid: number, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it("stops Postgres when its launcher is killed with SIGKILL (the guardian), so the next start is clean", async () => {
    const dir = await workDir();
    const { holder, exited, postmasterPid } = await startHolder(dir);
    holder.kill("SIGKILL");
    await exited;
    await waitUntilGone(postmasterPid);
    expect(isProcessAlive(postmasterPid)).toBe(false);
    // A fast shutdown, not a crash: Postgres removed its pid file itself.
    await expect(stat(path.join(dir, "postgres", "postmaster.pid"))).rejects.toMatchObject({ code: "ENOENT" });
    const cluster = await start(path.join(dir, "postgres"));
    expect(cluster).toMatchObject({ adopted: false, created: false });
    await cluster.stop();
  });

  it("takes over a postmaster left running when both launcher and guardian were killed, and stops it cleanly", async () => {
    const dir = await workDir();
    const { holder, exited, postmasterPid } = await startHolder(dir);
    const children = execFileSync("pgrep", ["-P", String(holder.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
    for (const pid of children.filter((pid) => pid !== postmasterPid)) process.kill(pid, "SIGKILL");
    holder.kill("SIGKILL");
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isProcessAlive(postmasterPid)).toBe(true);

    const cluster = await start(path.join(dir, "postgres"));
    expect(cluster.adopted).toBe(true);
    expect(new URL(cluster.url).searchParams.get("host")).toBe(path.join(dir, "postgres"));
    expect(await query(cluster.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await cluster.stop();
    // Exited (at most a zombie until init reaps it, which isProcessAlive counts as gone).
    expect(isProcessAlive(postmasterPid)).toBe(false);
  });

  it("refuses a cluster whose pg_control is damaged, with a sentence, and changes no file in it", async () => {
    const folder = await stoppedCluster();
    await writeFile(path.join(folder, "global", "pg_control"), Buffer.alloc(8192));
    const before = await snapshot(folder);
    const failure = await start(folder).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "DATA_FOLDER_DAMAGED" });
    expect((failure as Error).message).toMatch(
      /Postgres не зміг запуститися з даними в .*пошкоджено.*нічого не змінено/,
    );
    expect((failure as Error).message).toContain(`${folder}.log`);
    expect(await snapshot(folder)).toEqual(before);
    await expect(stat(`${folder}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses a cluster that lost its PG_VERSION", async () => {
    const folder = await stoppedCluster();
    await rm(path.join(folder, "PG_VERSION"));
    const before = await snapshot(folder);
    await expect(start(folder)).rejects.toMatchObject({
      code: "DATA_FOLDER_DAMAGED",
      message: expect.stringMatching(/немає файлу PG_VERSION/),
    });
    expect(await snapshot(folder)).toEqual(before);
  });

  it.runIf(isRoot)("refuses a cluster Postgres may not read (owned by root), saying how to fix it", async () => {
    const folder = await stoppedCluster();
    await chown(folder, 0, 0);
    const failure = await start(folder).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "DATA_FOLDER_UNREADABLE" });
    expect((failure as Error).message).toMatch(/поверніть її власника і права/);
  });
});
