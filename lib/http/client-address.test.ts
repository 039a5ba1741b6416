import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress } from "./client-address";

const resolve = (remoteAddress: string, forwardedFor: string | undefined, trusted: string | undefined) =>
  resolveClientAddress({ remoteAddress, forwardedFor, trusted: parseTrustedProxies(trusted) });

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: a client cannot choose its address", () => {
    expect(resolve("198.51.100.7", "203.0.113.1", undefined)).toBe("198.51.100.7");
    expect(resolve("198.51.100.7", "203.0.113.1", "")).toBe("198.51.100.7");
  });

  it("ignores it when the connection does not come from a trusted proxy", () => {
    expect(resolve("198.51.100.7", "203.0.113.1", "10.0.0.1")).toBe("198.51.100.7");
  });

  it("takes the entry the trusted proxy appended, not what the client wrote to its left", () => {
    expect(resolve("10.0.0.1", "1.2.3.4, 203.0.113.9", "10.0.0.1")).toBe("203.0.113.9");
    expect(resolve("::ffff:10.0.0.1", "203.0.113.9", "10.0.0.0/8")).toBe("203.0.113.9");
  });

  it("walks through a chain of trusted proxies to the first untrusted hop", () => {
    expect(resolve("10.0.0.1", "6.6.6.6, 203.0.113.9, 10.2.0.5", "10.0.0.0/8")).toBe("203.0.113.9");
    expect(resolve("::1", "2001:db8::7", "::1")).toBe("2001:db8::7");
  });

  it("stops at garbage and keeps the last trusted hop", () => {
    expect(resolve("10.0.0.1", "evil, <script>", "10.0.0.1")).toBe("10.0.0.1");
    expect(resolve("10.0.0.1", undefined, "10.0.0.1")).toBe("10.0.0.1");
  });

  it.each(["10.0.0.1/33", "not-an-ip", "10.0.0.0/8/1", "::1/129", "10.0.0.1/x"])(
    "refuses TRUSTED_PROXIES %j with a sentence",
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES: .* не є IP-адресою/);
    },
  );
});
