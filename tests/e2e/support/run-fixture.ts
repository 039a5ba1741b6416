import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Runs an e2e fixture script (e.g. tests/e2e/tck-fixture.ts) in its own Node process — with the
 * react-server condition, as the server's modules need — against the running e2e server's
 * database, and returns the JSON of the last line it prints.
 */
export function runFixture<T>(script: string, args: string[] = [], timeout = 90_000): T {
  const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "null") as T;
}
