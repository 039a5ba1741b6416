import { describe, expect, it } from "vitest";
import { clientAddress } from "./verification-rate-limit";

// The limit itself counts in Postgres: tests/integration/throttle.test.ts.

describe("clientAddress", () => {
  it("takes the entry the nearest proxy appended, not what the client wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
