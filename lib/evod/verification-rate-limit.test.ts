import { describe, expect, it } from "vitest";
import { clientAddress, createFixedWindowLimiter, limitVerificationRequest, VERIFY_RATE_LIMIT } from "./verification-rate-limit";

describe("fixed-window limiter", () => {
  it("lets `limit` hits through in a window, refuses the next, and opens again in the next window", () => {
    const limiter = createFixedWindowLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_700_000_040_000 + 40_000; // 40 s into a minute window
    expect([1, 2, 3].map(() => limiter.hit("a", t0).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit("a", t0 + 1_000);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 19 });
    expect(limiter.hit("b", t0).allowed).toBe(true);
    expect(limiter.hit("a", t0 + 20_000).allowed).toBe(true);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.hit(`k${i}`, 0);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});

describe("clientAddress", () => {
  it("takes the entry the nearest proxy appended, not what the client wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("limitVerificationRequest", () => {
  it("answers 429 in Ukrainian with Retry-After once a client exceeds the limit", async () => {
    const request = () => new Request("http://localhost/verify/x", { headers: { "x-forwarded-for": "192.0.2.77" } });
    const now = 1_800_000_000_000;
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++) expect(limitVerificationRequest(request(), now)).toBeNull();
    const response = limitVerificationRequest(request(), now);
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response?.text()).toContain("Забагато перевірок з вашої адреси");
    // Another client is unaffected.
    expect(limitVerificationRequest(new Request("http://localhost/verify/x", { headers: { "x-forwarded-for": "192.0.2.78" } }), now)).toBeNull();
  });
});
