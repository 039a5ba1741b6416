import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startRulesetCache, type RulesetCache } from "@/lib/rulesets/ruleset-cache";

// Every long-running process (the web server, the worker) installs the signed versions of the
// rules at start and reloads them on NOTIFY. Without a database URL the code's versions stay.
export async function startServerRulesetCache(
  name: string,
  databaseUrl = env().DATABASE_URL,
): Promise<RulesetCache | null> {
  if (!databaseUrl) return null;
  return startRulesetCache({
    db,
    databaseUrl,
    application: `bronya-rulesets-${name}`,
    log: (line) => console.error(`[${name}] ${line}`),
  });
}
