// Throttles whose counts every web process shares: one row per throttle and key in Postgres
// (public.throttle_windows), changed by one atomic upsert per attempt, so two processes (or two
// machines) behind one port count the same attempts once each. A window opens with the first
// attempt and lasts `windowMs`; within it at most `limit` attempts are allowed.
//
// Used by the КЕП login (failures per client address), its challenges and the public е-document
// check. One mechanism for every "N attempts per key per window" rule: a new throttle is one
// createThrottle({ name, limit, windowMs }). The password sign-in's growing waits are a backoff
// throttle in the same table (createBackoffThrottle): each failure past the free ones sets a
// wait, and the count starts afresh `windowMs` after the last failure. No "server-only" and no Prisma: proxy.ts imports it
// (Next 16 runs the proxy on Node.js), so it talks to Postgres through its own small pg pool.

import pg from "pg";
import { env } from "@/lib/env";

export type ThrottleDecision = { allowed: boolean; hits: number; remaining: number; retryAfterSeconds: number };

export type Throttle = {
  readonly name: string;
  /** Counts one attempt under `key` and says whether it is within the limit. */
  hit(key: string, nowMs?: number): Promise<ThrottleDecision>;
  /** Seconds until `key` may try again without counting an attempt; 0 when it may try now. */
  retryAfterSeconds(key: string, nowMs?: number): Promise<number>;
  /** Forgets `key`'s attempts (e.g. after a successful login). */
  clear(key: string): Promise<void>;
};

export type ThrottleOptions = { name: string; limit: number; windowMs: number };

let sharedPool: { url: string; pool: pg.Pool } | null = null;

/** The throttles' connections: a few per process, opened on first use, following DATABASE_URL. */
function pool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the throttles keep their counts in Postgres");
  if (sharedPool?.url !== url) {
    void sharedPool?.pool.end().catch(() => undefined);
    sharedPool = {
      url,
      pool: new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000, allowExitOnIdle: true }),
    };
    sharedPool.pool.on("error", () => undefined);
  }
  return sharedPool.pool;
}

/** Tests and scripts: close the throttles' connections. */
export async function closeThrottles(): Promise<void> {
  const current = sharedPool;
  sharedPool = null;
  await current?.pool.end();
}

const PURGE_EVERY = 500;
let sincePurge = 0;

export function createThrottle(options: ThrottleOptions): Throttle {
  const keyOf = (key: string) => `${options.name}:${key}`;
  return {
    name: options.name,
    async hit(key, nowMs = Date.now()) {
      const now = new Date(nowMs);
      const expires = new Date(nowMs + options.windowMs);
      const { rows } = await pool().query<{ hits: number; expiresAt: Date }>(
        `INSERT INTO "public"."throttle_windows" ("key", "windowStart", "hits", "expiresAt") VALUES ($1, $2, 1, $3)
         ON CONFLICT ("key") DO UPDATE SET
           "hits" = CASE WHEN "throttle_windows"."expiresAt" <= $2 THEN 1 ELSE "throttle_windows"."hits" + 1 END,
           "windowStart" = CASE WHEN "throttle_windows"."expiresAt" <= $2 THEN $2 ELSE "throttle_windows"."windowStart" END,
           "expiresAt" = CASE WHEN "throttle_windows"."expiresAt" <= $2 THEN $3 ELSE "throttle_windows"."expiresAt" END
         RETURNING "hits", "expiresAt"`,
        [keyOf(key), now, expires],
      );
      if (++sincePurge >= PURGE_EVERY) {
        sincePurge = 0;
        // Finished windows are dead rows; sweep them now and then, off the request's path.
        void purgeThrottles(nowMs).catch(() => undefined);
      }
      const { hits, expiresAt } = rows[0]!;
      const allowed = hits <= options.limit;
      return {
        allowed,
        hits,
        remaining: Math.max(0, options.limit - hits),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((expiresAt.getTime() - nowMs) / 1000)),
      };
    },
    async retryAfterSeconds(key, nowMs = Date.now()) {
      const { rows } = await pool().query<{ hits: number; expiresAt: Date }>(
        `SELECT "hits", "expiresAt" FROM "public"."throttle_windows" WHERE "key" = $1 AND "expiresAt" > $2`,
        [keyOf(key), new Date(nowMs)],
      );
      const row = rows[0];
      if (!row || row.hits < options.limit) return 0;
      return Math.max(1, Math.ceil((row.expiresAt.getTime() - nowMs) / 1000));
    },
    async clear(key) {
      await pool().query(`DELETE FROM "public"."throttle_windows" WHERE "key" = $1`, [keyOf(key)]);
    },
  };
}

/** Deletes every throttle's finished windows (and waits); returns how many went. */
export async function purgeThrottles(nowMs: number = Date.now()): Promise<number> {
  const now = new Date(nowMs);
  const { rowCount } = await pool().query(
    `DELETE FROM "public"."throttle_windows" WHERE "expiresAt" < $1 AND ("blockedUntil" IS NULL OR "blockedUntil" < $1)`,
    [now],
  );
  return rowCount ?? 0;
}

export type BackoffPolicy = { free: number; capSeconds: number };

/** Seconds to wait after `failures` failures, for a key with `free` free failures: doubling, capped. */
export function backoffDelaySeconds(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.capSeconds, 2 ** Math.min(30, failures - policy.free));
}

export type BackoffThrottle = {
  readonly name: string;
  /** Seconds until an attempt under any of `keys` counts again; 0 when it may be tried now. */
  waitSeconds(keys: readonly string[], nowMs: number): Promise<number>;
  /** Counts one failure under `key` (one atomic statement) and sets its wait; returns the count. */
  recordFailure(key: string, policy: BackoffPolicy, nowMs: number): Promise<number>;
  /** Forgets `key`'s failures (e.g. after a successful login). */
  clear(key: string): Promise<void>;
};

export function createBackoffThrottle(options: { name: string; windowMs: number }): BackoffThrottle {
  const keyOf = (key: string) => `${options.name}:${key}`;
  return {
    name: options.name,
    async waitSeconds(keys, nowMs) {
      const { rows } = await pool().query<{ until: Date | null }>(
        `SELECT max("blockedUntil") AS "until" FROM "public"."throttle_windows" WHERE "key" = ANY($1) AND "blockedUntil" > $2`,
        [keys.map(keyOf), new Date(nowMs)],
      );
      const until = rows[0]?.until?.getTime() ?? 0;
      return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0;
    },
    async recordFailure(key, policy, nowMs) {
      const now = new Date(nowMs);
      // The window slides: it ends `windowMs` after the latest failure; a failure after it starts a new count.
      const { rows } = await pool().query<{ hits: number }>(
        `INSERT INTO "public"."throttle_windows" ("key", "windowStart", "hits", "expiresAt") VALUES ($1, $2, 1, $3)
         ON CONFLICT ("key") DO UPDATE SET
           "hits" = CASE WHEN "throttle_windows"."expiresAt" < $2 THEN 1 ELSE "throttle_windows"."hits" + 1 END,
           "windowStart" = CASE WHEN "throttle_windows"."expiresAt" < $2 THEN $2 ELSE "throttle_windows"."windowStart" END,
           "expiresAt" = $3
         RETURNING "hits"`,
        [keyOf(key), now, new Date(nowMs + options.windowMs)],
      );
      const hits = rows[0]?.hits ?? 1;
      const delay = backoffDelaySeconds(hits, policy);
      if (delay > 0)
        await pool().query(`UPDATE "public"."throttle_windows" SET "blockedUntil" = $2 WHERE "key" = $1`, [
          keyOf(key),
          new Date(nowMs + delay * 1000),
        ]);
      return hits;
    },
    async clear(key) {
      await pool().query(`DELETE FROM "public"."throttle_windows" WHERE "key" = $1`, [keyOf(key)]);
    },
  };
}
