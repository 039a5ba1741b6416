import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/db/cluster";

// The launcher's refusals, run as a user would meet them: `npm run dev` in a fresh process with
// its own DATA_DIR. Each must exit non-zero with one sentence and leave every file where it was.
// (Its success path starts Next, which belongs to the e2e layer.)

const ROOT = path.resolve(".");
const workDirs: string[] = [];

async function workDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bronya-launch-"));
  await chmod(dir, 0o755);
  workDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

type Run = { code: number | null; stdout: string; stderr: string };

/** A clean environment: nothing of this test process (its DATABASE_URL above all) leaks in. */
function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    ...overrides,
  } as unknown as NodeJS.ProcessEnv;
}

function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const launch = (env: Record<string, string>) => runScript("scripts/launch.ts", ["dev"], env);

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = await readFile(file, "base64");
    }
  }
  return files;
}

/** One line of Ukrainian, no stack trace. */
function expectOneSentence(run: Run, pattern: RegExp) {
  expect(run.code, run.stdout + run.stderr).not.toBe(0);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("npm run dev refuses bad input", () => {
  it.each([
    ["not a url", /DATABASE_URL має неправильний вигляд \(це не URL\)/],
    ["mysql://user:pw@localhost:3306/bronya", /схема «mysql» замість postgresql/],
    ["postgresql://localhost:5432", /не вказано назву бази даних/],
  ])("a malformed DATABASE_URL %j", async (url, pattern) => {
    const dir = await workDir();
    const run = await launch({
      DATABASE_URL: url,
      DATA_DIR: path.join(dir, "data"),
      PORT: String(await findFreePort()),
    });
    expectOneSentence(run, pattern);
    expect(run.stderr).toMatch(/приберіть змінну, щоб запустити вбудований Postgres/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("an unreachable server", async () => {
    const dir = await workDir();
    const deadPort = await findFreePort();
    const run = await launch({
      DATABASE_URL: `postgresql://bronya:secret@127.0.0.1:${deadPort}/bronya`,
      DATA_DIR: path.join(dir, "data"),
      PORT: String(await findFreePort()),
    });
    expectOneSentence(run, new RegExp(`Сервер Postgres 127\\.0\\.0\\.1:${deadPort} з DATABASE_URL не відповідає`));
    expect(run.stderr).not.toContain("secret");
    expect(await readdir(dir)).toEqual([]);
  });

  it("a port that is already taken", async () => {
    const dir = await workDir();
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const run = await launch({ DATA_DIR: path.join(dir, "data"), PORT: String(port) });
      expectOneSentence(run, new RegExp(`Порт ${port} уже зайнятий.*PORT=${port + 1} npm run dev`));
      expect(await readdir(dir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it("a data folder that is not a Postgres cluster, and leaves it intact", async () => {
    const dir = await workDir();
    await mkdir(path.join(dir, "postgres", "notes"), { recursive: true });
    await writeFile(path.join(dir, "postgres", "thesis.docx"), "my only copy");
    await writeFile(path.join(dir, "postgres", "notes", "todo.txt"), "buy milk");
    const before = await snapshot(dir);
    const run = await launch({ DATA_DIR: dir, PORT: String(await findFreePort()) });
    expectOneSentence(run, /не порожня і не є кластером Postgres.*нічого не змінено/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("a cluster of another Postgres major version, and leaves it intact", async () => {
    const dir = await workDir();
    const cluster = path.join(dir, "postgres");
    await mkdir(path.join(cluster, "global"), { recursive: true });
    await mkdir(path.join(cluster, "base", "1"), { recursive: true });
    await writeFile(path.join(cluster, "PG_VERSION"), "16\n");
    await writeFile(path.join(cluster, "global", "pg_control"), Buffer.alloc(8192, 7));
    await writeFile(path.join(cluster, "base", "1", "1259"), Buffer.alloc(8192, 1));
    const before = await snapshot(dir);
    const run = await launch({ DATA_DIR: dir, PORT: String(await findFreePort()) });
    expectOneSentence(run, /містить кластер PostgreSQL 16, а вбудований сервер — версії 18/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it("npm start without a production build is explained by mode-specific advice", async () => {
    const { assertProductionBuild } = await import("@/scripts/launch/preflight");
    const dir = await workDir();
    expect(() => assertProductionBuild(dir)).toThrow(/Немає production-збірки порталу: спершу виконайте npm run build/);
    await mkdir(path.join(dir, ".next"));
    await writeFile(path.join(dir, ".next", "BUILD_ID"), "abc");
    expect(() => assertProductionBuild(dir)).not.toThrow();
  });

  it("an unknown mode", async () => {
    const run = await runScript("scripts/launch.ts", ["serve"], {});
    expectOneSentence(run, /Невідомий режим «serve»: запускайте через npm run dev або npm start/);
  });
});

describe("a second launcher while the cluster is in use", () => {
  it("is refused without touching the running cluster, which keeps serving", async () => {
    const dir = await workDir();
    // A real holder: the job worker run alone opens (and here creates) the embedded cluster.
    const holder = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dir }),
    });
    let holderOutput = "";
    holder.stdout.on("data", (chunk: Buffer) => (holderOutput += chunk.toString()));
    holder.stderr.on("data", (chunk: Buffer) => (holderOutput += chunk.toString()));
    const holderExit = new Promise<number | null>((resolve) => holder.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!holderOutput.includes("Обробник завдань запущено") && Date.now() < deadline) {
        if (holder.exitCode !== null) throw new Error(`the holder exited: ${holderOutput}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(holderOutput).toContain("Обробник завдань запущено");
      const lock = JSON.parse(await readFile(path.join(dir, "postgres.lock"), "utf8")) as { pid: number; url: string };
      expect(lock.pid).toBe(holder.pid);

      const run = await launch({ DATA_DIR: dir, PORT: String(await findFreePort()) });
      expectOneSentence(
        run,
        new RegExp(`Дані вбудованого Postgres уже використовує інший процес \\(npm run worker, PID ${holder.pid}\\)`),
      );
      expect(run.stderr).not.toContain(new URL(lock.url).password);
      expect(JSON.parse(await readFile(path.join(dir, "postgres.lock"), "utf8"))).toEqual(lock);

      // The holder's database still answers after the refusal.
      const { checkDatabaseServer } = await import("@/lib/db/cluster");
      await expect(checkDatabaseServer(lock.url)).resolves.toMatchObject({ versionNum: expect.any(Number) });

      // …and db:migrate shares the running cluster instead of refusing.
      const migrate = await runScript("scripts/db/migrate.ts", [], { DATA_DIR: dir });
      expect(migrate.code, migrate.stderr).toBe(0);
      expect(migrate.stdout).toMatch(/запущений іншим процесом \(npm run worker, PID \d+\)/);
    } finally {
      holder.kill("SIGTERM");
      expect(await holderExit).toBe(0);
    }
    await expect(readFile(path.join(dir, "postgres.lock"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(holderOutput).toContain("Обробник завдань зупинено");
  });
});
