// Throttles whose counts every web process shares: one row per throttle and key in Postgres
// (public.throttle_windows), changed by one atomic upsert per attempt, so two processes (or two
// machines) behind one port count the same attempts once each. A window opens with the first
// attempt and lasts `windowMs`; within it at most `limit` attempts are allowed.
//
// Used by the КЕП login (failures per client address), its challenges and the public е-document
// check. One mechanism for every "N attempts per key per window" rule: a new throttle is one
// createThrottle({ name, limit, windowMs }). No "server-only" and no Prisma: proxy.ts imports it
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
        void pool()
          .query(`DELETE FROM "public"."throttle_windows" WHERE "expiresAt" < $1`, [now])
          .catch(() => undefined);
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
