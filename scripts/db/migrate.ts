import { openDatabase } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";
import { log, runScript } from "./run-script";

// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded cluster
// (the running one if a launcher serves it, otherwise started for the duration).

await runScript(async () => {
  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    owner: "npm run db:migrate",
    shareRunning: true,
    log,
  });
  try {
    const started = Date.now();
    const result = await applyMigrations({ databaseUrl: database.url, log });
    log(
      result.applied.length === 0
        ? `Нових міграцій немає: база даних актуальна (усього міграцій: ${result.known.length}). (No pending migrations.)`
        : `Застосовано міграцій: ${result.applied.length} за ${Date.now() - started} мс.`,
    );
  } finally {
    await database.close();
  }
});
