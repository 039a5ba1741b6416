import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Runs conscript-fixture.ts in its own Node process (react-server condition) and returns its JSON. */
export function runConscriptFixture<T>(...args: string[]): T {
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/e2e/support/conscript-fixture.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}
