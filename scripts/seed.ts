import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/cluster";
import { applyMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEFAULT_PERSONS, SCALES, ZSeedDay, ZSeedScale, ZSeedSize, seedDemo } from "@/prisma/seed";
import { progressPrinter } from "@/prisma/seed/progress";
import { log, runScript } from "./db/run-script";

// npm run seed [-- --scale demo|million|national | --persons N] [--today YYYY-MM-DD] [--force]
// Fills an empty database with the demo (default 30,000 persons). On a non-empty one it stops
// unless --force, which first DELETES every row of the registry (schema oberig) and of the
// portal (schema public: users, decisions, applications, reservations, audit…), keeping only
// the migration history and the КЕП test CA with its certificates, all in the seed's own
// transaction: if seeding fails, the old data stay.

const USAGE =
  "Використання: npm run seed -- [--scale demo|million|national | --persons N] [--today РРРР-ММ-ДД] [--force]";

await runScript(async () => {
  let values: { persons?: string; scale?: string; today?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(process.argv.slice(2)),
      options: {
        persons: { type: "string" },
        scale: { type: "string" },
        today: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new AppError(
      "SEED_BAD_OPTION",
      `Незрозумілий параметр (${(error as Error).message.replace(/\s+/g, " ")}). ${USAGE}`,
    );
  }
  if (values.help) {
    log(
      `${USAGE}\n  --scale ІМ'Я  розмір за назвою: ${Object.entries(SCALES)
        .map(([name, count]) => `${name} — ${count.toLocaleString("uk-UA")} осіб`)
        .join(
          ", ",
        )}\n  --persons N   кількість осіб у реєстрі (типово ${DEFAULT_PERSONS})\n  --today ДАТА  дата, відносно якої узгоджено дані (типово сьогодні)\n  --force       видалити наявні дані реєстру й порталу та засіяти заново`,
    );
    return 0;
  }
  // Checked before touching any database: a bad size changes nothing.
  if (values.scale !== undefined && values.persons !== undefined) {
    throw new AppError("SEED_BAD_OPTION", `Вкажіть або --scale, або --persons, а не обидва. Нічого не змінено.`);
  }
  const persons =
    values.scale !== undefined
      ? SCALES[parseOption(ZSeedScale, values.scale, "--scale")]
      : values.persons === undefined
        ? DEFAULT_PERSONS
        : parseOption(ZSeedSize, parsePersons(values.persons), "--persons");
  const today = values.today === undefined ? undefined : parseOption(ZSeedDay, values.today, "--today");

  const config = env();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    owner: `npm run seed (PID ${process.pid})`,
    shareRunning: true,
    log,
  });
  try {
    const migrated = await applyMigrations({ databaseUrl: database.url, log });
    if (migrated.applied.length > 0) log(`Застосовано міграцій: ${migrated.applied.length}.`);
    const progress = progressPrinter(process.stderr);
    try {
      await seedDemo({
        databaseUrl: database.url,
        dataDir: config.DATA_DIR,
        log,
        persons,
        today,
        force: values.force === true,
        onProgress: progress.update,
      });
    } finally {
      progress.finish();
    }
  } finally {
    await database.close();
  }
});

function parseOption<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } };
  },
  value: unknown,
  flag: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new AppError(
      "SEED_BAD_OPTION",
      `${flag}: ${result.error.issues[0]?.message ?? "некоректне значення"}. Нічого не змінено.`,
    );
  return result.data;
}

/** "10000000", "10_000_000" and "10 000 000" are the same number; anything else stays text for zod to refuse. */
function parsePersons(value: string): unknown {
  const compact = value.trim().replace(/[ _\u00a0\u202f]/g, "");
  return compact === "" ? Number.NaN : /^\d+$/.test(compact) ? Number(compact) : value;
}

/** parseArgs reads "--persons -5" as two options; join it so that the value gets its own refusal. */
function joinNegativeValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (
      (args[i] === "--persons" || args[i] === "--today" || args[i] === "--scale") &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}
