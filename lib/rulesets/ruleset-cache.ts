import "server-only";
import pg from "pg";
import type { DbTx } from "@/lib/db/client";
import { installRulesets } from "@/lib/rules";
import { RULESET_CHANNEL, readStoredVersions } from "./ruleset-store";

// rulesetFor(date) answers from memory; this keeps that memory equal to ruleset_versions in
// every process (web server, worker, scripts): loaded once at start, reloaded when a signed
// version is announced on the channel (NOTIFY in the signing transaction, so only committed
// versions arrive). A lost connection only delays the reload until it is re-established.

export async function refreshRulesets(db: DbTx): Promise<number> {
  const stored = await readStoredVersions(db);
  installRulesets(stored.map((s) => s.ruleset));
  return stored.length;
}

export type RulesetCache = { stop(): Promise<void>; refreshed(): number };

export async function startRulesetCache(options: {
  db: DbTx;
  databaseUrl: string;
  log?: (line: string) => void;
  application?: string;
}): Promise<RulesetCache> {
  const log = options.log ?? (() => undefined);
  let refreshes = 0;
  let stopped = false;
  let client: pg.Client | null = null;
  let chain = Promise.resolve();
  const reload = () => {
    chain = chain
      .then(async () => {
        await refreshRulesets(options.db);
        refreshes++;
      })
      .catch((error: unknown) =>
        log(`правила: не вдалося перечитати версії (${error instanceof Error ? error.message : String(error)})`),
      );
    return chain;
  };

  let retrying = false;
  // Until it is back: a restarting database refuses connections for a while, and a NOTIFY sent
  // meanwhile is lost, so every reconnection reloads.
  const reconnect = () => {
    if (stopped || retrying) return;
    retrying = true;
    setTimeout(() => {
      retrying = false;
      if (stopped) return;
      connect().then(reload, () => reconnect());
    }, 1_000).unref();
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: options.application ?? "bronya-rulesets",
    });
    next.on("notification", (message) => {
      if (message.channel === RULESET_CHANNEL) void reload();
    });
    let lost = false;
    let connected = false;
    const onLost = (why: string) => {
      if (!connected || lost || stopped) return;
      lost = true;
      log(`правила: канал сповіщень втрачено (${why}); перепідключення`);
      void next.end().catch(() => undefined);
      reconnect();
    };
    next.on("error", (error) => onLost(error.message));
    next.on("end", () => onLost("з'єднання закрито"));
    try {
      await next.connect();
      await next.query(`LISTEN "${RULESET_CHANNEL}"`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    connected = true;
    client = next;
  };

  await connect();
  await reload();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
    refreshed: () => refreshes,
  };
}
