import "server-only";
import type { DbTx } from "@/lib/db/client";

// Throttling of password sign-ins, kept in Postgres so that every web process agrees. Two keys
// per attempt: the client's address (scripts/server.ts resolves it behind TRUSTED_PROXIES) and
// the login as typed, whether or not such an account exists (so a throttled answer says nothing
// about existence). Each failure past the free ones doubles the wait before the next attempt
// counts; the wait of a login is capped low, so that nobody can lock an official out by failing
// on purpose from many addresses — that only slows every guesser down. A success clears the
// login's count, never the address's: one good account must not reset a guesser's address.

export const LOGIN_THROTTLE = {
  address: { free: 20, capSeconds: 15 * 60 },
  login: { free: 5, capSeconds: 60 },
  /** A count starts afresh after this long without a failure. */
  windowMs: 60 * 60_000,
} as const;

export type LoginThrottleKeys = { address: string; login: string };

export function loginThrottleKeys(address: string, login: string): LoginThrottleKeys {
  return { address: `address:${address}`, login: `login:${login.trim().toLowerCase()}` };
}

/** Seconds to wait after `failures` failures, for a key with `free` free failures. */
export function throttleDelaySeconds(failures: number, policy: { free: number; capSeconds: number }): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.capSeconds, 2 ** Math.min(30, failures - policy.free));
}

/** Seconds until an attempt under these keys counts again; 0 when it may be tried now. */
export async function loginThrottleWait(db: DbTx, keys: LoginThrottleKeys, now: Date): Promise<number> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [keys.address, keys.login] }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

async function recordFailure(db: DbTx, key: string, policy: { free: number; capSeconds: number }, now: Date) {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  // One statement per key: concurrent failures each count (no lost update between processes).
  const [row] = await db.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "public"."login_throttles" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "login_throttles"."lastFailureAt" < ${windowStart} THEN 1 ELSE "login_throttles"."failures" + 1 END,
      "lastFailureAt" = ${now}
    RETURNING "failures"`;
  const delay = throttleDelaySeconds(row?.failures ?? 1, policy);
  if (delay > 0)
    await db.loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + delay * 1000) } });
}

export async function recordLoginFailure(db: DbTx, keys: LoginThrottleKeys, now: Date) {
  await recordFailure(db, keys.address, LOGIN_THROTTLE.address, now);
  await recordFailure(db, keys.login, LOGIN_THROTTLE.login, now);
}

export async function clearLoginFailures(db: DbTx, keys: LoginThrottleKeys) {
  await db.loginThrottle.deleteMany({ where: { key: keys.login } });
}
