import "server-only";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";
import { buildWorld } from "./build-world";
import { codeRulesetRows } from "@/lib/rulesets/code-versions";
import { buildDemoAccounts } from "./demo-accounts";
import { writeDemoNotices } from "./demo-notices";
import { parseIsoDate, todayInKyiv } from "./dates";
import { DEFAULT_PERSONS, MIN_PERSONS, SCALES, type WorldShape } from "./plan-sizes";
import { Rng } from "./random";
import { assertReferences, deferReferenceChecks } from "./sql/references";
import { writeWorld, type ProgressListener, type SeedCounts } from "./write-world";

// The demo seed: a deterministic slice of the country in the Оберіг mock and the portal.
// The launcher calls seedIfEmpty on start; `npm run seed` calls seedDemo (scripts/seed.ts).

export {
  DEMO_USERS,
  DEMO_EDRPOU,
  DEMO_UNIT_CODE,
  DEMO_AUTHORITY_CODES,
  type DemoUser,
  type DemoRole,
} from "./demo-users";
export { DEFAULT_PERSONS, MIN_PERSONS, SCALES, NATIONAL_SHAPE_FROM } from "./plan-sizes";
export type { SeedCounts } from "./write-world";

/** The whole country and some: ~10 million persons is the national scale. */
export const MAX_PERSONS = 12_000_000;
/** From this size on the seed drops the population tables' secondary indexes and builds them after the load. */
export const REBUILD_INDEXES_FROM = 500_000;

export type SeedOptions = {
  databaseUrl: string;
  /** The data folder (DATA_DIR); the seed itself writes nothing there. */
  dataDir: string;
  log: (line: string) => void;
};

export type SeedDemoOptions = SeedOptions & {
  /** Registry size; default 30,000. */
  persons?: number;
  /** "YYYY-MM-DD": the day the data are coherent with (decisions in force, ages). Default: today in Kyiv. */
  today?: string;
  /** Empties the registry and the portal's data first (see emptyForReseed). */
  force?: boolean;
  onProgress?: ProgressListener;
  /** Drop and rebuild the secondary indexes around the load; default from REBUILD_INDEXES_FROM persons. */
  rebuildIndexes?: boolean;
  /** The country's shape or the demo's; default by size (NATIONAL_SHAPE_FROM). Tests force it small. */
  shape?: WorldShape;
};

export const ZSeedSize = z.coerce
  .number({ error: "Кількість осіб має бути числом" })
  .int("Кількість осіб має бути цілим числом")
  .min(MIN_PERSONS, `Кількість осіб має бути не меншою за ${MIN_PERSONS}`)
  .max(MAX_PERSONS, `Кількість осіб має бути не більшою за ${MAX_PERSONS.toLocaleString("uk-UA")}`);

/** A named size: `--scale national` is the country (SCALES). */
export const ZSeedScale = z.enum(Object.keys(SCALES) as [keyof typeof SCALES, ...Array<keyof typeof SCALES>], {
  error: `Невідомий масштаб: відомі ${Object.entries(SCALES)
    .map(([name, persons]) => `${name} (${persons.toLocaleString("uk-UA")} осіб)`)
    .join(", ")}`,
});

export const ZSeedDay = z.string().refine((value) => {
  try {
    parseIsoDate(value);
    return value >= "2025-01-01" && value <= "2035-12-31";
  } catch {
    return false;
  }
}, "Дата має бути у форматі РРРР-ММ-ДД між 2025-01-01 і 2035-12-31");

/** Tables the seed fills; a registry or portal with rows in any of them is not empty. */
const SEEDED_TABLES = [
  '"oberig"."persons"',
  '"oberig"."enterprises"',
  '"public"."authorities"',
  '"public"."users"',
  '"public"."military_units"',
];

/** Kept by --force: migration history and the КЕП test CA with the certificates it issued. */
const KEPT_TABLES = new Set(["_prisma_migrations", "ca_keys", "certificates"]);

/** Seeds the whole demo when the registry has no persons; otherwise does nothing. `today` as in seedDemo. */
export async function seedIfEmpty(options: SeedOptions & Pick<SeedDemoOptions, "today">): Promise<{ seeded: boolean }> {
  if (await registryHasPersons(options.databaseUrl)) return { seeded: false };
  try {
    await seedDemo(options);
  } catch (error) {
    // Another process (a second launcher, npm run seed) seeded between the check and the lock.
    if (error instanceof AppError && error.code === "SEED_NOT_EMPTY" && (await registryHasPersons(options.databaseUrl)))
      return { seeded: false };
    throw error;
  }
  return { seeded: true };
}

async function registryHasPersons(databaseUrl: string): Promise<boolean> {
  const client = await connect(databaseUrl);
  try {
    return await hasRows(client, '"oberig"."persons"');
  } finally {
    await client.end();
  }
}

/** Seeds the demo; refuses a non-empty database unless `force`. */
export async function seedDemo(
  options: SeedDemoOptions,
): Promise<{ counts: SeedCounts; persons: number; today: string; ms: number }> {
  const persons = parse(ZSeedSize, options.persons ?? DEFAULT_PERSONS);
  const today = parse(ZSeedDay, options.today ?? todayInKyiv());
  const started = Date.now();

  const client = await connect(options.databaseUrl);
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    // Two seeds at once would both find the registry empty: the second waits here.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('bronya-seed'))");
    const filled = await nonEmptyTables(client);
    if (filled.length > 0) {
      if (!options.force) {
        throw new AppError(
          "SEED_NOT_EMPTY",
          "База даних вже містить дані (реєстр або портал), тому демо-дані не додано. Щоб замінити все демо-даними, запустіть з --force: це видалить реєстр і дані порталу.",
          { details: { tables: filled } },
        );
      }
      await emptyForReseed(client);
      options.log("Наявні дані реєстру та порталу видалено (--force).");
    }

    options.log(`Генерую демо-дані: ${persons.toLocaleString("uk-UA")} осіб на ${today}…`);
    const large = persons >= REBUILD_INDEXES_FROM;
    const world = buildWorld({ persons, today, shape: options.shape, chunkSize: large ? 20_000 : undefined });
    const accounts = await buildDemoAccounts(Rng.derive(world.seed, 18), {
      authorities: world.authorities,
      units: world.units,
      centres: world.centres,
    });
    const deferred = await deferReferenceChecks(client);
    const counts = await writeWorld(client, world, accounts, {
      onProgress: options.onProgress,
      rebuildIndexes: options.rebuildIndexes ?? large,
      log: options.log,
    });
    // The rules' versions the code ships: the first rows of ruleset_versions.
    for (const row of codeRulesetRows()) {
      await client.query(
        `INSERT INTO ruleset_versions (version, "effectiveFrom", title, "legalAct", "legalNumber", "legalDate", "basedOn", content, source)
         VALUES ($1, $2::date, $3, $4, $5, $6::date, $7, $8::jsonb, 'code') ON CONFLICT (version) DO NOTHING`,
        row,
      );
    }
    await writeDemoNotices(client, today);
    if (deferred) {
      const checked = Date.now();
      await assertReferences(client);
      if (large) options.log(`Цілісність посилань перевірено за ${((Date.now() - checked) / 1000).toFixed(0)} с.`);
    }
    await client.query("COMMIT");
    // Fresh statistics, so that the first queries after a large load are planned on real sizes.
    await client.query(
      'ANALYZE "oberig"."persons", "oberig"."military_registrations", "oberig"."employments", "oberig"."reservation_marks", "oberig"."service_periods", "oberig"."enterprises", "oberig"."staff_versions", "public"."critical_decisions"',
    );
    const ms = Date.now() - started;
    options.log(
      `Демо-дані готові за ${(ms / 1000).toFixed(1)} с: осіб ${counts.persons}, працевлаштувань ${counts.employments}, ` +
        `підприємств ${counts.enterprises}, рішень про критичність ${counts.decisions}, бронювань у реєстрі ${counts.marks}, користувачів ${counts.users}.`,
    );
    return { counts, persons, today, ms };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Deletes every row of the registry and the portal, except the tables in KEPT_TABLES. */
async function emptyForReseed(client: pg.ClientBase) {
  const { rows } = await client.query<{ schemaname: string; tablename: string }>(
    "SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('oberig', 'public') ORDER BY schemaname, tablename",
  );
  const tables = rows
    .filter((row) => !KEPT_TABLES.has(row.tablename))
    .map((row) => `"${row.schemaname}"."${row.tablename}"`);
  // An enterprise's staff version may run ahead of its sequence (a writer that waited for the
  // row takes the committed version + 1): move the sequence past every version handed out, so
  // that no version a running process has cached comes back after the reseed.
  await client.query(
    `SELECT setval('"oberig"."staff_version_seq"', greatest(nextval('"oberig"."staff_version_seq"'), (SELECT coalesce(max(version), 0) FROM "oberig"."staff_versions")))`,
  );
  if (tables.length > 0) await client.query(`TRUNCATE ${tables.join(", ")}`);
}

async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const filled: string[] = [];
  for (const table of SEEDED_TABLES) if (await hasRows(client, table)) filled.push(table);
  return filled;
}

async function hasRows(client: pg.ClientBase, table: string): Promise<boolean> {
  try {
    const { rows } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`);
    return rows[0]!.found;
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") {
      throw new AppError(
        "SEED_NO_SCHEMA",
        "У базі даних немає таблиць порталу: спершу застосуйте міграції (npm run db:migrate).",
        { cause: error },
      );
    }
    throw error;
  }
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new AppError("SEED_DB_UNREACHABLE", `Не вдалося під'єднатися до бази даних: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return client;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new AppError("SEED_BAD_OPTION", result.error.issues[0]?.message ?? "Некоректний параметр демо-даних");
  return result.data;
}
