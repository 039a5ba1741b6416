import "server-only";
import { createBackoffThrottle } from "@/lib/throttle";

// Throttling of password sign-ins, kept in Postgres (lib/throttle's one table, throttle
// "password-login") so that every web process agrees. Two keys per attempt: the client's address
// (scripts/server.ts resolves it behind TRUSTED_PROXIES) and the login as typed, whether or not
// such an account exists (so a throttled answer says nothing about existence). Each failure past
// the free ones doubles the wait before the next attempt counts; the wait of a login is capped
// low, so that nobody can lock an official out by failing on purpose from many addresses — that
// only slows every guesser down. A success clears the login's count, never the address's: one
// good account must not reset a guesser's address.

export const LOGIN_THROTTLE = {
  address: { free: 20, capSeconds: 15 * 60 },
  login: { free: 5, capSeconds: 60 },
  /** A count starts afresh after this long without a failure. */
  windowMs: 60 * 60_000,
} as const;

export const passwordLoginThrottle = createBackoffThrottle({
  name: "password-login",
  windowMs: LOGIN_THROTTLE.windowMs,
});

export type LoginThrottleKeys = { address: string; login: string };

export function loginThrottleKeys(address: string, login: string): LoginThrottleKeys {
  return { address: `address:${address}`, login: `login:${login.trim().toLowerCase()}` };
}

/** Seconds until an attempt under these keys counts again; 0 when it may be tried now. */
export async function loginThrottleWait(keys: LoginThrottleKeys, now: Date): Promise<number> {
  return passwordLoginThrottle.waitSeconds([keys.address, keys.login], now.getTime());
}

export async function recordLoginFailure(keys: LoginThrottleKeys, now: Date) {
  await passwordLoginThrottle.recordFailure(keys.address, LOGIN_THROTTLE.address, now.getTime());
  await passwordLoginThrottle.recordFailure(keys.login, LOGIN_THROTTLE.login, now.getTime());
}

export async function clearLoginFailures(keys: LoginThrottleKeys) {
  await passwordLoginThrottle.clear(keys.login);
}
