import { createFixedWindowLimiter } from "@/lib/evod/verification-rate-limit";

// Throttling of КЕП logins, per client address, in this process's memory (the portal runs as
// one Next server process; a deployment with several would keep the counters in Postgres or
// its reverse proxy, as lib/evod/verification-rate-limit.ts says for the е-document check).
//
// - Failures: after KEP_LOGIN_THROTTLE.maxFailures refused logins within windowMs of the first
//   one, the client is refused (RATE_LIMITED) until that window ends, even with a good key.
//   A successful login clears the client's count. A password cannot be guessed here (it never
//   reaches the server); what is limited is probing with stolen signatures, replays and junk.
// - Challenges: each one is a database row, so a client may ask for at most
//   KEP_CHALLENGE_RATE_LIMIT of them a minute.

export const KEP_LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 60_000 } as const;
export const KEP_CHALLENGE_RATE_LIMIT = { limit: 30, windowMs: 60_000 } as const;

export type FailureThrottle = {
  /** Seconds until this client may try again; 0 when it may try now. */
  retryAfterSeconds(key: string, nowMs: number): number;
  recordFailure(key: string, nowMs: number): void;
  clear(key: string): void;
  size(): number;
};

export function createFailureThrottle(options: { maxFailures: number; windowMs: number; maxKeys?: number }): FailureThrottle {
  const windows = new Map<string, { start: number; failures: number }>();
  const maxKeys = options.maxKeys ?? 100_000;

  function current(key: string, nowMs: number) {
    const window = windows.get(key);
    if (window && nowMs - window.start >= options.windowMs) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function sweep(nowMs: number) {
    for (const [key, window] of windows) if (nowMs - window.start >= options.windowMs) windows.delete(key);
    // Still full (a flood from many addresses): start afresh rather than grow without bound.
    if (windows.size >= maxKeys) windows.clear();
  }

  return {
    retryAfterSeconds(key, nowMs) {
      const window = current(key, nowMs);
      if (!window || window.failures < options.maxFailures) return 0;
      return Math.max(1, Math.ceil((window.start + options.windowMs - nowMs) / 1000));
    },
    recordFailure(key, nowMs) {
      let window = current(key, nowMs);
      if (!window) {
        if (windows.size >= maxKeys) sweep(nowMs);
        window = { start: nowMs, failures: 0 };
        windows.set(key, window);
      }
      window.failures += 1;
    },
    clear(key) {
      windows.delete(key);
    },
    size: () => windows.size,
  };
}

export const kepLoginThrottle = createFailureThrottle(KEP_LOGIN_THROTTLE);
export const kepChallengeLimiter = createFixedWindowLimiter(KEP_CHALLENGE_RATE_LIMIT);
