import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The same bounds as the seed (prisma/seed: MIN_PERSONS, MAX_PERSONS); this runner imports no app code.
const MIN_PERSONS = 10_000;
const MAX_PERSONS = 12_000_000;

// npm run bench [-- <name filter>] [-- --persons N] [-- --runs N]: runs every
// scripts/bench/*.bench.ts in turn, each in its own process (its own Prisma client), and prints a
// summary. A benchmark is registered by adding a file; other arguments are passed on.
// --persons N (or BENCH_PERSONS) sets the registry size for every benchmark: the seeded database
// is cached per size (scripts/bench/support/bench-database.ts), so only the first run seeds.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const args = process.argv.slice(2);
const personsAt = args.findIndex((arg) => arg === "--persons" || arg.startsWith("--persons="));
if (personsAt >= 0) {
  const [flag, inline] = args[personsAt]!.split("=", 2) as [string, string | undefined];
  const value = inline ?? args[personsAt + 1];
  args.splice(personsAt, inline === undefined ? 2 : 1);
  const size = value === undefined ? Number.NaN : Number(value.replace(/[ _]/g, ""));
  if (!Number.isInteger(size) || size < MIN_PERSONS || size > MAX_PERSONS) {
    process.stderr.write(
      `✖ ${flag}: кількість осіб має бути цілим числом від ${MIN_PERSONS.toLocaleString("uk-UA")} до ${MAX_PERSONS.toLocaleString("uk-UA")}, а не «${value ?? ""}».\n`,
    );
    process.exit(1);
  }
  process.env.BENCH_PERSONS = String(size);
}
const [filter, ...rest] = args;
const passOn = filter?.startsWith("-") ? [filter, ...rest] : rest;
const wanted = filter && !filter.startsWith("-") ? filter : null;

const files = (await readdir(here))
  .filter((name) => name.endsWith(".bench.ts") && (!wanted || name.includes(wanted)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`✖ Немає вимірювань${wanted ? ` з назвою «${wanted}»` : ""} у scripts/bench/\n`);
  process.exit(1);
}

const results: Array<{ name: string; code: number; seconds: number }> = [];
for (const file of files) {
  process.stdout.write(`\n▶ ${file}\n`);
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    // Benchmarks sign with the test КНЕДП's keys, which are trusted in demo mode only.
    const env = { ...process.env, DEMO_MODE: process.env.DEMO_MODE || "1" };
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", path.join(here, file), ...passOn],
      { cwd: root, stdio: "inherit", env },
    );
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  results.push({ name: file, code, seconds: (Date.now() - started) / 1000 });
}

process.stdout.write("\nПідсумок:\n");
for (const r of results) process.stdout.write(`  ${r.code === 0 ? "✓" : "✖"} ${r.name} (${r.seconds.toFixed(0)} с)\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
