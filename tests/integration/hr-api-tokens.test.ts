import { beforeAll, describe, expect, it } from "vitest";
import {
  authenticateApiToken,
  demoApiToken,
  issueApiToken,
  issueDemoApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/api-tokens";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// Tokens of the HR API: only a head issues, lists and revokes them, only for their own
// enterprise; the token is shown once and stored as a hash; a token acts as its head.

let a: World;
let b: World;

async function expectCode(code: string, attempt: () => Promise<unknown>) {
  const error = await attempt().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  a = await createWorld(createCtx({ actor: null }), {
    serial: 51,
    employees: 1,
    withHeadKey: false,
    withAuthorizedPerson: true,
  });
  b = await createWorld(createCtx({ actor: null }), { serial: 52, employees: 1, withHeadKey: false });
});

describe("API tokens", () => {
  it("are issued once, stored as a hash, listed by prefix, authenticate as the head, and last use is recorded", async () => {
    const issued = await issueApiToken(createCtx({ actor: a.head.actor }), { name: "  Кадри  " });
    expect(issued).toMatchObject({ name: "Кадри", prefix: issued.token.slice(0, 12) });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const listed = await listApiTokens(createCtx({ actor: a.head.actor }), { edrpou: a.edrpou });
    expect(listed.find((t) => t.id === issued.id)).toMatchObject({
      name: "Кадри",
      prefix: issued.prefix,
      lastUsedAt: null,
      revokedAt: null,
      createdBy: a.head.fullName,
    });
    expect(JSON.stringify(listed)).not.toContain(issued.token);

    const now = new Date();
    const actor = await authenticateApiToken(createCtx({ actor: null, now }), issued.token);
    expect(actor).toEqual({
      userId: a.head.userId,
      rnokpp: a.head.rnokpp,
      fullName: a.head.fullName,
      role: "ENTERPRISE_HEAD",
      edrpou: a.edrpou,
      via: "token",
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(now);
    // Within the minute no second write.
    await authenticateApiToken(createCtx({ actor: null, now: new Date(now.getTime() + 10_000) }), issued.token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(now);
    expect(await db.auditLog.count({ where: { entityId: issued.id, action: "api_token.issue" } })).toBe(1);
  });

  it("only a head manages them, only for their own enterprise", async () => {
    await expectCode("FORBIDDEN", () => issueApiToken(createCtx({ actor: a.authorized!.actor }), { name: "Спроба" }));
    await expectCode("FORBIDDEN", () => listApiTokens(createCtx({ actor: a.authorized!.actor }), { edrpou: a.edrpou }));
    await expectCode("ENTERPRISE_NOT_FOUND", () =>
      listApiTokens(createCtx({ actor: a.head.actor }), { edrpou: b.edrpou }),
    );
    await expectCode("VALIDATION_FAILED", () => issueApiToken(createCtx({ actor: a.head.actor }), { name: "   " }));
    const tokenB = await issueApiToken(createCtx({ actor: b.head.actor }), { name: "B" });
    await expectCode("API_TOKEN_NOT_FOUND", () =>
      revokeApiToken(createCtx({ actor: a.head.actor }), { tokenId: tokenB.id }),
    );
    expect((await authenticateApiToken(createCtx({ actor: null }), tokenB.token)).edrpou).toBe(b.edrpou);
  });

  it("a revoked token stops at once; revoking twice is harmless", async () => {
    const issued = await issueApiToken(createCtx({ actor: a.head.actor }), { name: "Відкличу" });
    const first = await revokeApiToken(createCtx({ actor: a.head.actor }), { tokenId: issued.id });
    const second = await revokeApiToken(createCtx({ actor: a.head.actor }), { tokenId: issued.id });
    expect(second.revokedAt).toEqual(first.revokedAt);
    await expectCode("API_TOKEN_REVOKED", () => authenticateApiToken(createCtx({ actor: null }), issued.token));
    expect(await db.auditLog.count({ where: { entityId: issued.id, action: "api_token.revoke" } })).toBe(1);
  });

  it("the seed's demo token is the documented value, issued idempotently", async () => {
    const token = await issueDemoApiToken({ db }, { edrpou: a.edrpou, userId: a.head.userId });
    expect(token).toBe(demoApiToken(a.edrpou));
    expect(await issueDemoApiToken({ db }, { edrpou: a.edrpou, userId: a.head.userId })).toBe(token);
    expect(await db.apiToken.count({ where: { edrpou: a.edrpou, prefix: token.slice(0, 12) } })).toBe(1);
    expect((await authenticateApiToken(createCtx({ actor: null }), token)).rnokpp).toBe(a.head.rnokpp);
  });
});
