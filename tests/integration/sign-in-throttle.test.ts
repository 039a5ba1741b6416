import { randomUUID } from "node:crypto";
import { authenticator } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { LOGIN_THROTTLE, loginThrottleKeys, recordLoginFailure } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/options";
import { purgeSignInRecords } from "@/lib/auth/purge-sign-in-records";
import { isSessionRevoked, revokeSession } from "@/lib/auth/session-revocation";
import { verifyPasswordLogin } from "@/lib/auth/verify-password-login";
import { db } from "@/lib/db/client";
import { createUser } from "@/prisma/seed/factories";
import { createCtx } from "@/lib/context-server";

// Password sign-in under attack: throttles per address and per login with growing, capped
// waits kept in Postgres; one answer for a wrong password, a missing login and a throttled
// one; a TOTP code accepted once; a signed-out session refused at once.

const T0 = new Date("2026-12-04T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function attempt(login: string, password: string, options: { address?: string; now?: Date; totp?: string } = {}) {
  return verifyPasswordLogin(
    { db, now: options.now ?? T0 },
    {
      login,
      password,
      totp: options.totp,
      address: options.address ?? "198.51.100.1",
    },
  ).then(
    () => "OK",
    (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
  );
}

const INVALID = "INVALID_CREDENTIALS: Неправильний логін або пароль";
let official: { email: string; secret: string };

beforeAll(async () => {
  await createUser(db, { role: "CONSCRIPT", rnokpp: "3000000011", password: "right-password-1" });
  await createUser(db, { role: "CONSCRIPT", rnokpp: "3000000022", password: "right-password-2" });
  await createUser(db, { role: "CONSCRIPT", rnokpp: "3000000033", password: "right-password-3" });
  official = { email: "otp.user@test.gov.ua", secret: authenticator.generateSecret(20) };
  await createUser(db, {
    role: "ADMIN",
    email: official.email,
    rnokpp: null,
    password: "official-pass-1",
    totpSecret: official.secret,
  });
});

describe("one answer", () => {
  it("for a wrong password, a missing login and a throttled login", async () => {
    const wrong = await attempt("3000000022", "nope", { address: "203.0.113.50", now: at(-3000) });
    const missing = await attempt("3999999999", "nope", { address: "203.0.113.51", now: at(-3000) });
    expect(wrong).toBe(INVALID);
    expect(missing).toBe(INVALID);
  });
});

describe("the login throttle", () => {
  it("slows a login down after 5 failures from any addresses, with waits that grow but stay short", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.login.free; i += 1)
      expect(await attempt("3000000011", "wrong", { address: `203.0.113.${i}` })).toBe(INVALID);
    // The 5th failure set a 1 s wait: even the right password, from another address, gets the same answer.
    expect(await attempt("3000000011", "right-password-1", { address: "203.0.113.99" })).toBe(INVALID);
    expect(await attempt("3000000011", "right-password-1", { address: "203.0.113.99", now: at(2) })).toBe("OK");
    // A success clears the login's count.
    expect(await db.throttleWindow.count({ where: { key: "password-login:login:3000000011" } })).toBe(0);

    // Fifteen more failures: the wait has grown, but is capped at a minute — no 15-minute lock.
    let now = 10;
    for (let i = 0; i < 15; i += 1) {
      await attempt("3000000011", "wrong", { address: `192.0.2.${i}`, now: at(now) });
      now += 61;
    }
    const row = await db.throttleWindow.findUniqueOrThrow({ where: { key: "password-login:login:3000000011" } });
    expect(row.hits).toBe(15);
    // The window ends an hour after the last failure; the wait after it is the cap.
    const lastFailureAt = row.expiresAt.getTime() - LOGIN_THROTTLE.windowMs;
    expect(lastFailureAt).toBe(at(now - 61).getTime());
    expect((row.blockedUntil!.getTime() - lastFailureAt) / 1000).toBe(LOGIN_THROTTLE.login.capSeconds);
    expect(await attempt("3000000011", "right-password-1", { address: "192.0.2.200", now: at(now - 61 + 30) })).toBe(
      INVALID,
    );
    expect(await attempt("3000000011", "right-password-1", { address: "192.0.2.200", now: at(now - 61 + 61) })).toBe(
      "OK",
    );
  });

  it("slows an address down after 20 failures on any logins, without touching other addresses", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.address.free; i += 1)
      await attempt(`38000000${String(i).padStart(2, "0")}`, "guess", { address: "198.51.100.66", now: at(5000) });
    expect(await attempt("3000000033", "right-password-3", { address: "198.51.100.66", now: at(5000) })).toBe(INVALID);
    expect(await attempt("3000000033", "right-password-3", { address: "198.51.100.67", now: at(5000) })).toBe("OK");
  });

  it("counts concurrent failures exactly, as several web processes would", async () => {
    // Attempts check the wait before they count, so exactly the free ones may race in at once.
    await Promise.all(
      Array.from({ length: LOGIN_THROTTLE.login.free }, (_, i) =>
        attempt("3777777777", "x", { address: `10.9.0.${i}`, now: at(9000) }),
      ),
    );
    expect(
      (await db.throttleWindow.findUniqueOrThrow({ where: { key: "password-login:login:3777777777" } })).hits,
    ).toBe(LOGIN_THROTTLE.login.free);
    // The counting itself is one atomic statement: no failure is lost between processes.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordLoginFailure(loginThrottleKeys(`10.8.0.${i}`, "3888888888"), at(9000)),
      ),
    );
    expect(
      (await db.throttleWindow.findUniqueOrThrow({ where: { key: "password-login:login:3888888888" } })).hits,
    ).toBe(12);
  });

  it("is purged once its window and wait are over", async () => {
    const purged = await purgeSignInRecords(createCtx({ actor: null, now: at(30 * 24 * 3600) }));
    expect(purged.throttles).toBeGreaterThan(0);
    expect(await db.throttleWindow.count({ where: { key: { startsWith: "password-login:" } } })).toBe(0);
  });
});

describe("a TOTP code", () => {
  it("is accepted once, also the previous step's code (typed at :29, arriving at :31), never again", async () => {
    const now = new Date();
    const code = authenticator.clone({ epoch: now.getTime() }).generate(official.secret);
    expect(await attempt(official.email, "official-pass-1", { totp: code, now, address: "192.0.2.77" })).toBe("OK");
    expect(await attempt(official.email, "official-pass-1", { totp: code, now, address: "192.0.2.78" })).toMatch(
      /^TOTP_INVALID: .*вже використаний/,
    );
    const next = new Date(now.getTime() + 30_000);
    const nextCode = authenticator.clone({ epoch: next.getTime() }).generate(official.secret);
    const later = new Date(next.getTime() + 30_000);
    // nextCode belongs to the previous step at `later`: still accepted, once.
    expect(
      await attempt(official.email, "official-pass-1", { totp: nextCode, now: later, address: "192.0.2.79" }),
    ).toBe("OK");
    expect(
      await attempt(official.email, "official-pass-1", { totp: "12345", now: later, address: "192.0.2.79" }),
    ).toMatch(/^TOTP_INVALID/);
    expect(await attempt(official.email, "official-pass-1", { now: later, address: "192.0.2.79" })).toMatch(
      /^TOTP_REQUIRED/,
    );
  });
});

describe("signing out", () => {
  const jwt = authOptions.callbacks!.jwt!;
  it("revokes the session on the server: the same token is refused at the next request", async () => {
    const token = await jwt({
      token: {},
      user: { id: randomUUID(), rnokpp: "3000000011", fullName: "Т", roles: [], via: "password" } as never,
      account: null,
      trigger: "signIn",
    } as never);
    expect(typeof token.sid).toBe("string");
    await expect(jwt({ token } as never)).resolves.toMatchObject({ sid: token.sid });
    await authOptions.events!.signOut!({ token: { ...token, exp: Math.floor(Date.now() / 1000) + 3600 } } as never);
    expect(await isSessionRevoked(createCtx({ actor: null }), token.sid)).toBe(true);
    await expect(jwt({ token } as never)).rejects.toThrow("SESSION_REVOKED");
    // A token without an id (from before ids) and a junk id are refused too.
    await expect(jwt({ token: { uid: "u" } } as never)).rejects.toThrow("SESSION_REVOKED");
    expect(await isSessionRevoked(createCtx({ actor: null }), "not-a-uuid")).toBe(true);
    // Signing out twice is harmless.
    await revokeSession(createCtx({ actor: null }), {
      sessionId: token.sid,
      expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600,
    });
  });
});
