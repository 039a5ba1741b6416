import { createThrottle } from "@/lib/throttle";

// Throttling of КЕП logins, per client address, counted in Postgres (lib/throttle) so that every
// web process agrees.
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
  retryAfterSeconds(key: string, nowMs: number): Promise<number>;
  recordFailure(key: string, nowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
};

/** `name` separates counts (tests use their own); the portal's is "kep-login". */
export function createFailureThrottle(options: {
  maxFailures: number;
  windowMs: number;
  name?: string;
}): FailureThrottle {
  const throttle = createThrottle({
    name: options.name ?? "kep-login",
    limit: options.maxFailures,
    windowMs: options.windowMs,
  });
  return {
    retryAfterSeconds: (key, nowMs) => throttle.retryAfterSeconds(key, nowMs),
    async recordFailure(key, nowMs) {
      await throttle.hit(key, nowMs);
    },
    clear: (key) => throttle.clear(key),
  };
}

export const kepLoginThrottle = createFailureThrottle(KEP_LOGIN_THROTTLE);
export const kepChallengeLimiter = createThrottle({ name: "kep-challenge", ...KEP_CHALLENGE_RATE_LIMIT });
