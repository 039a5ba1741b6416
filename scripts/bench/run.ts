import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// npm run bench [-- <name filter>] [-- --runs N]: runs every scripts/bench/*.bench.ts in turn,
// each in its own process (its own embedded Postgres, its own Prisma client), and prints a
// summary. A benchmark is registered by adding a file; arguments after the filter are passed on.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const [filter, ...rest] = process.argv.slice(2);
const passOn = filter?.startsWith("-") ? [filter, ...rest] : rest;
const wanted = filter && !filter.startsWith("-") ? filter : null;

const files = (await readdir(here)).filter((name) => name.endsWith(".bench.ts") && (!wanted || name.includes(wanted))).sort();
if (files.length === 0) {
  process.stderr.write(`✖ Немає вимірювань${wanted ? ` з назвою «${wanted}»` : ""} у scripts/bench/\n`);
  process.exit(1);
}

const results: Array<{ name: string; code: number; seconds: number }> = [];
for (const file of files) {
  process.stdout.write(`\n▶ ${file}\n`);
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(here, file), ...passOn], { cwd: root, stdio: "inherit" });
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  results.push({ name: file, code, seconds: (Date.now() - started) / 1000 });
}

process.stdout.write("\nПідсумок:\n");
for (const r of results) process.stdout.write(`  ${r.code === 0 ? "✓" : "✖"} ${r.name} (${r.seconds.toFixed(0)} с)\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
