import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeNonce } from "@/lib/kep/nonce/consume-nonce";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { createCtx } from "@/lib/context-server";

// One-time nonces: each consumed once, for its own purpose, before it expires; concurrent
// consumers cannot both win.

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("issueNonce / consumeNonce", () => {
  it("issues distinct 43-character values with the expiry asked for", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const a = await issueNonce(createCtx({ actor: null, now }), { purpose: "login", ttlSeconds: 300 });
    const b = await issueNonce(createCtx({ actor: null, now }), { purpose: "login", ttlSeconds: 300 });
    expect(a.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.value).not.toBe(b.value);
    expect(a.expiresAt.toISOString()).toBe("2026-11-22T10:05:00.000Z");
    expect(await db.nonce.findUnique({ where: { value: a.value } })).toMatchObject({ purpose: "login", usedAt: null });
  });

  it("consumes once; the second time is NONCE_USED", async () => {
    const { value } = await issueNonce(createCtx({ actor: null }), { purpose: "login", ttlSeconds: 300 });
    expect(await codeOf(consumeNonce(createCtx({ actor: null }), { value, purpose: "login" }))).toBe("accepted");
    expect(await codeOf(consumeNonce(createCtx({ actor: null }), { value, purpose: "login" }))).toBe("NONCE_USED");
  });

  it("of many concurrent consumers exactly one wins", async () => {
    const { value } = await issueNonce(createCtx({ actor: null }), { purpose: "login", ttlSeconds: 300 });
    const codes = await Promise.all(
      Array.from({ length: 8 }, () => codeOf(consumeNonce(createCtx({ actor: null }), { value, purpose: "login" }))),
    );
    expect(codes.filter((code) => code === "accepted")).toHaveLength(1);
    expect(codes.filter((code) => code === "NONCE_USED")).toHaveLength(7);
  });

  it("refuses an expired nonce and leaves it unused: NONCE_EXPIRED", async () => {
    const issuedAt = new Date("2026-11-22T10:00:00Z");
    const { value } = await issueNonce(createCtx({ actor: null, now: issuedAt }), { purpose: "login", ttlSeconds: 60 });
    expect(
      await codeOf(
        consumeNonce(createCtx({ actor: null, now: new Date("2026-11-22T10:01:00Z") }), { value, purpose: "login" }),
      ),
    ).toBe("NONCE_EXPIRED");
    expect(
      await codeOf(
        consumeNonce(createCtx({ actor: null, now: new Date("2026-11-22T10:00:59Z") }), { value, purpose: "login" }),
      ),
    ).toBe("accepted");
  });

  it("refuses an unknown value, a malformed one, or one issued for another purpose: NONCE_UNKNOWN", async () => {
    const { value } = await issueNonce(createCtx({ actor: null }), { purpose: "application", ttlSeconds: 300 });
    expect(await codeOf(consumeNonce(createCtx({ actor: null }), { value: "B".repeat(43), purpose: "login" }))).toBe(
      "NONCE_UNKNOWN",
    );
    expect(
      await codeOf(consumeNonce(createCtx({ actor: null }), { value: "'; DROP TABLE nonces; --", purpose: "login" })),
    ).toBe("NONCE_UNKNOWN");
    expect(await codeOf(consumeNonce(createCtx({ actor: null }), { value, purpose: "login" }))).toBe("NONCE_UNKNOWN");
    expect(await db.nonce.findUnique({ where: { value }, select: { usedAt: true } })).toEqual({ usedAt: null });
    expect(await codeOf(consumeNonce(createCtx({ actor: null }), { value, purpose: "application" }))).toBe("accepted");
  });

  it("refuses a bad purpose or lifetime when issuing", async () => {
    expect(await codeOf(issueNonce(createCtx({ actor: null }), { purpose: "Вхід", ttlSeconds: 300 }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(await codeOf(issueNonce(createCtx({ actor: null }), { purpose: "login", ttlSeconds: 0 }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(await codeOf(issueNonce(createCtx({ actor: null }), { purpose: "login", ttlSeconds: 10 ** 9 }))).toBe(
      "VALIDATION_FAILED",
    );
  });
});
