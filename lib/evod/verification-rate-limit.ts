// Rate limit of the public е-document check (/verify/<code>), applied in proxy.ts before the
// page renders: a window per client address whose count lives in Postgres (lib/throttle), so
// that every web process behind the port counts the same client once.

import { forwardedClientAddress as clientAddress } from "@/lib/http/forwarded-address";
import { createThrottle } from "@/lib/throttle";

/** 60 checks a minute from one address: a ТЦК post behind one NAT scans far fewer. */
export const VERIFY_RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;

export const verifyThrottle = createThrottle({ name: "evod-verify", ...VERIFY_RATE_LIMIT });

/** A 429 page for a client over the limit, or null to let the request through. */
export async function limitVerificationRequest(request: Request, nowMs: number = Date.now()): Promise<Response | null> {
  const decision = await verifyThrottle.hit(clientAddress(request.headers), nowMs);
  if (decision.allowed) return null;
  const message = `Забагато перевірок з вашої адреси. Спробуйте ще раз через ${decision.retryAfterSeconds} с.`;
  const html = `<!doctype html><html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Забагато запитів · Броня</title></head><body style="font-family:system-ui,sans-serif;background:#e2ecf4;margin:0;padding:2rem"><main style="max-width:32rem;margin:auto;background:#fff;border-radius:1.5rem;padding:1.5rem"><h1 style="font-size:1.5rem">Забагато запитів</h1><p>${message}</p><p><a href="/">На головну</a></p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(decision.retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}
