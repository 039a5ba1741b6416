import { describe, expect, it } from "vitest";
import { createFailureThrottle, KEP_LOGIN_THROTTLE } from "./login-throttle";

const T0 = 1_700_000_000_000;

describe("createFailureThrottle", () => {
  it("lets a client try until its failures reach the limit, then refuses until the window ends", () => {
    const throttle = createFailureThrottle({ maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 2; i++) throttle.recordFailure("a", T0 + i);
    expect(throttle.retryAfterSeconds("a", T0 + 10)).toBe(0);
    throttle.recordFailure("a", T0 + 20);
    expect(throttle.retryAfterSeconds("a", T0 + 30)).toBe(60);
    expect(throttle.retryAfterSeconds("a", T0 + 59_500)).toBe(1);
    expect(throttle.retryAfterSeconds("a", T0 + 60_000)).toBe(0);
    expect(throttle.retryAfterSeconds("b", T0 + 30)).toBe(0);
  });

  it("starts a new count after the window, and forgets a client that signed in", () => {
    const throttle = createFailureThrottle({ maxFailures: 2, windowMs: 1_000 });
    throttle.recordFailure("a", T0);
    throttle.recordFailure("a", T0 + 1_000);
    expect(throttle.retryAfterSeconds("a", T0 + 1_001)).toBe(0);
    throttle.recordFailure("a", T0 + 1_002);
    expect(throttle.retryAfterSeconds("a", T0 + 1_003)).toBe(1);
    throttle.clear("a");
    expect(throttle.retryAfterSeconds("a", T0 + 1_004)).toBe(0);
  });

  it("never holds more clients than its bound", () => {
    const throttle = createFailureThrottle({ maxFailures: 2, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) throttle.recordFailure(`client-${i}`, T0);
    expect(throttle.size()).toBeLessThanOrEqual(100);
  });

  it("allows ten failures in fifteen minutes by default", () => {
    expect(KEP_LOGIN_THROTTLE).toEqual({ maxFailures: 10, windowMs: 15 * 60_000 });
  });
});
