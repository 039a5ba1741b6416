import { parseArgs } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { env, resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log, runScript } from "./db/run-script";

// npm run admin:create -- --email admin@example.gov.ua [--name "Прізвище Ім'я"]
// Creates an administrator on DATABASE_URL or the embedded cluster (the running one when a
// launcher serves it) and prints, once, a random password and the TOTP enrolment.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await runScript(async () => {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: "string" }, name: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new AppError(
      "USAGE",
      `${(error as Error).message}. Використання: npm run admin:create -- --email <адреса> [--name "Прізвище Ім'я"]`,
    );
  }
  if (!values.email)
    throw new AppError(
      "USAGE",
      `Не вказано --email. Використання: npm run admin:create -- --email <адреса> [--name "Прізвище Ім'я"]`,
    );

  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.resolve(root, config.DATA_DIR),
    owner: "npm run admin:create",
    shareRunning: true,
    log,
  });
  try {
    await applyMigrations({
      databaseUrl: database.url,
      migrationsDir: path.join(root, "prisma/migrations"),
      log: () => undefined,
    });
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    const [{ db, disconnectDb }, { createAdministrator }] = await Promise.all([
      import("@/lib/db/client"),
      import("@/lib/admin/create-administrator"),
    ]);
    try {
      const created = await createAdministrator(
        { db },
        { email: values.email, fullName: values.name ?? "Адміністратор порталу" },
      );
      log(
        [
          "",
          `  Адміністратора створено: ${created.email}`,
          "",
          `  Пароль (показано один раз, ніде не збережено):  ${created.password}`,
          `  Секрет 2FA (TOTP, base32):                     ${created.totp.secret}`,
          `  Посилання для застосунку-автентифікатора:      ${created.totp.uri}`,
          "",
          "  Додайте секрет до застосунку-автентифікатора, увійдіть на сторінці /login з е-поштою,",
          "  паролем і кодом 2FA. Цей вивід більше не повториться: збережіть пароль у менеджері паролів.",
          "",
        ].join("\n"),
      );
    } finally {
      await disconnectDb();
    }
  } finally {
    await database.close();
  }
});
