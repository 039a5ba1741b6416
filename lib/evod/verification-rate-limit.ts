// Rate limit of the public е-document check (/verify/<code>), applied in proxy.ts before the
// page renders. A fixed window per client address, kept in this process's memory: the portal
// runs as one Next server process, and a check is cheap to repeat after a restart. A deployment
// with several processes would move the counters to Postgres or to its reverse proxy.
// No "server-only" and no database: the proxy imports this module.

export type RateLimitDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export function createFixedWindowLimiter(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;

  function sweep(nowMs: number) {
    for (const [key, window] of windows) if (nowMs - window.start >= options.windowMs) windows.delete(key);
    // Still full after dropping finished windows (a flood from spoofed addresses): start afresh
    // rather than grow without bound; the flood then meets the limit again within one window.
    if (windows.size >= maxKeys) windows.clear();
  }

  return {
    hit(key: string, nowMs: number): RateLimitDecision {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= options.windowMs) {
        if (!window && windows.size >= maxKeys) sweep(nowMs);
        window = { start: nowMs - (nowMs % options.windowMs), count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= options.limit;
      return {
        allowed,
        remaining: Math.max(0, options.limit - window.count),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.start + options.windowMs - nowMs) / 1000)),
      };
    },
    size: () => windows.size,
  };
}

/**
 * The client's address: the rightmost X-Forwarded-For entry, i.e. the one the nearest proxy
 * appended (entries to its left are whatever the client sent). Next itself fills the header
 * from the socket when no proxy set it. Behind no proxy a client can still send its own header;
 * the production setup puts the portal behind one (docs/decisions/005-evod-verification.md).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}

/** 60 checks a minute from one address: a ТЦК post behind one NAT scans far fewer. */
export const VERIFY_RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;

const verifyLimiter = createFixedWindowLimiter(VERIFY_RATE_LIMIT);

/** A 429 page for a client over the limit, or null to let the request through. */
export function limitVerificationRequest(request: Request, nowMs: number = Date.now()): Response | null {
  const decision = verifyLimiter.hit(clientAddress(request.headers), nowMs);
  if (decision.allowed) return null;
  const message = `Забагато перевірок з вашої адреси. Спробуйте ще раз через ${decision.retryAfterSeconds} с.`;
  const html = `<!doctype html><html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Забагато запитів · Броня</title></head><body style="font-family:system-ui,sans-serif;background:#e2ecf4;margin:0;padding:2rem"><main style="max-width:32rem;margin:auto;background:#fff;border-radius:1.5rem;padding:1.5rem"><h1 style="font-size:1.5rem">Забагато запитів</h1><p>${message}</p><p><a href="/">На головну</a></p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(decision.retryAfterSeconds), "cache-control": "no-store" },
  });
}
