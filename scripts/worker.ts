import { openDatabase } from "@/lib/db/cluster";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { log, runScript } from "./db/run-script";
import { startServerRulesetCache } from "./server/ruleset-cache";
import { surviveDatabaseLoss } from "./server/survive-database-loss";

// npm run worker — the pg-boss job worker on its own. The launcher starts it beside Next with
// DATABASE_URL set; run alone without DATABASE_URL it uses the embedded cluster (the running one
// if a launcher serves it). SIGINT/SIGTERM/SIGHUP let running jobs finish, then exit 0.

const prefixed = (line: string) => log(`[worker] ${line}`);
surviveDatabaseLoss(prefixed);

await runScript(async () => {
  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    owner: "npm run worker",
    shareRunning: true,
    log: prefixed,
  });
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let rulesets: Awaited<ReturnType<typeof startServerRulesetCache>> = null;
  try {
    rulesets = await startServerRulesetCache("worker", database.url);
    worker = await startWorker({ databaseUrl: database.url, log: prefixed });
  } catch (error) {
    await rulesets?.stop();
    await database.close();
    throw error;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(name, () => resolve(name));
  });
  prefixed(`Отримано ${signal}: завершую поточні завдання…`);
  await worker.stop();
  await rulesets?.stop();
  await database.close();
  prefixed("Обробник завдань зупинено.");
  return 0;
});
