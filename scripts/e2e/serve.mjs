// Starts the production server for the browser tests on a fresh data folder, through the
// same launcher `npm start` uses (embedded Postgres, migrations, demo seed, demo keys, worker),
// explicitly in demo mode: `npm start` alone is production and has no demo users.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

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
    console.error(`Тестовий сервер уже працює на ${dataDir} (PID ${owner}): зупиніть його (kill ${owner}) і запустіть тести знову.`);
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start"], {
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: dataDir, DEMO_MODE: "1", NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
