// Starts the production server for the browser tests on a fresh data folder, through the
// same launcher `npm start` uses (embedded Postgres, migrations, demo seed, demo keys, worker),
// explicitly in demo mode: `npm start` alone is production and has no demo users.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

function runningOwner() {
  const lock = join(dataDir, "postgres.lock");
  if (!existsSync(lock)) return null;
  try {
    const { pid } = JSON.parse(readFileSync(lock, "utf8"));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

if (!process.env.DATABASE_URL) {
  const owner = runningOwner();
  if (owner) {
    console.error(
      `Тестовий сервер уже працює на ${dataDir} (PID ${owner}): зупиніть його (kill ${owner}) і запустіть тести знову.`,
    );
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

// Everything the launcher, the server and the worker print is also kept in <data>.log (with
// the server's access log on), for tests/e2e/zz-log-hygiene.spec.ts to grep.
// A fresh clone has no .data folder yet.
mkdirSync(dirname(dataDir), { recursive: true });
const logFile = createWriteStream(`${dataDir}.log`, { flags: "w" });
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start"], {
  stdio: ["inherit", "pipe", "pipe"],
  // The browser tests act as the reverse proxy: a test may name its client address (X-Forwarded-For).
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO_MODE: "1",
    NODE_ENV: "production",
    ACCESS_LOG: "1",
    TRUSTED_PROXIES: "127.0.0.1,::1",
  },
});
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  logFile.write(chunk);
});
child.stderr.on("data", (chunk) => {
  process.stderr.write(chunk);
  logFile.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
