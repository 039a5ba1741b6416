import { openDatabase } from "@/lib/db/cluster";
import { createMigration } from "@/lib/db/migrations";
import { normalizeMigrationName } from "@/lib/db/migrations/migration-directory";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log, runScript } from "./run-script";

// npm run db:migration -- <name> — writes the next migration from the diff between the newest
// migration's schema snapshot and prisma/schema.prisma. The WASM schema engine needs a live
// database to start, so this opens the same database db:migrate uses (the diff reads none).

await runScript(async () => {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    throw new AppError(
      "MIGRATION_NAME_MISSING",
      "Не вказано назву міграції: запустіть, наприклад, npm run db:migration -- add_vacancy_salary. (Migration name is missing.)",
    );
  }
  // A bad name is refused before any database is started.
  if (!normalizeMigrationName(name)) {
    throw new AppError(
      "MIGRATION_NAME_INVALID",
      `Назва міграції «${name}» не містить жодної латинської літери чи цифри: вкажіть її, наприклад npm run db:migration -- add_vacancy_salary (bad migration name).`,
    );
  }
  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    owner: "npm run db:migration",
    shareRunning: true,
  });
  try {
    const result = await createMigration({ name, databaseUrl: database.url });
    if (!result.created) {
      log("Змін немає: schema.prisma збігається з останньою міграцією, нову не створено. (No changes.)");
      return;
    }
    log(`Створено міграцію ${result.folder}:`);
    log(result.sql.trim());
    log("Перегляньте SQL, застосуйте його (npm run db:migrate) і закомітьте папку разом зі schema.prisma.");
  } finally {
    await database.close();
  }
});
