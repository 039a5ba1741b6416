// Starts the production server for the browser tests on a fresh data folder, through the
// same launcher `npm start` uses (embedded Postgres, migrations, demo seed, worker).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });

const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/launch.ts", "start"], {
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: dataDir, DEMO_MODE: "1", NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
