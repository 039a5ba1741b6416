import { describe, expect, it } from "vitest";
import { requestContextFromHeaders } from "@/lib/audit/request-context";
import { forwardedClientAddress } from "./forwarded-address";
import { parseTrustedProxies, resolveClientAddress } from "./client-address";

// The limits themselves count in Postgres: tests/integration/throttle.test.ts.

describe("forwardedClientAddress", () => {
  it("takes the entry the nearest proxy appended, not what the client wrote", () => {
    expect(forwardedClientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(forwardedClientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(forwardedClientAddress(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(forwardedClientAddress(new Headers())).toBe("unknown");
  });

  it("reads next-auth's plain header record the same way", () => {
    expect(forwardedClientAddress({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" })).toBe("10.0.0.7");
    expect(forwardedClientAddress({ "x-forwarded-for": ["1.2.3.4", "10.0.0.8"] })).toBe("10.0.0.8");
    expect(forwardedClientAddress({ "x-forwarded-for": 42 })).toBe("unknown");
    expect(forwardedClientAddress(undefined)).toBe("unknown");
  });
});

describe("the audit's client address", () => {
  // What scripts/server.ts leaves in X-Forwarded-For is what the audit row records.
  const audited = (remoteAddress: string, forwardedFor: string | undefined, trusted: string | undefined) =>
    requestContextFromHeaders(
      new Headers({
        "x-forwarded-for": resolveClientAddress({ remoteAddress, forwardedFor, trusted: parseTrustedProxies(trusted) }),
      }),
    ).ip;

  it("is the connection's unless a proxy named in TRUSTED_PROXIES reported it", () => {
    expect(audited("198.51.100.7", "203.0.113.1", undefined)).toBe("198.51.100.7");
    expect(audited("198.51.100.7", "203.0.113.1", "10.0.0.1")).toBe("198.51.100.7");
    expect(audited("10.0.0.1", "6.6.6.6, 203.0.113.9", "10.0.0.1")).toBe("203.0.113.9");
  });
});
