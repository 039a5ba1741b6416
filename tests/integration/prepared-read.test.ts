import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSessionRevoked, revokeSession } from "@/lib/auth/session-revocation";
import { createCtx, withDb } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { PREPARED_READS_APPLICATION, preparedRead } from "@/lib/db/prepared-read";

// The hot path's reads (lib/db/prepared-read.ts) as the status route makes them: on the process's
// own client — the contexts createCtx hands out, the read-only one included — they run as prepared
// statements on node-postgres; in a transaction they run on it and see its writes. A read-only
// context once handed out the client behind the `db` proxy, and the status read silently fell back
// to Prisma at twice the CPU: the first test fails if that happens again.

async function lastQueriesOfThePool(): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ query: string }>>`
    SELECT query FROM pg_stat_activity WHERE application_name = ${PREPARED_READS_APPLICATION} AND datname = current_database()`;
  return rows.map((r) => r.query);
}

describe("preparedRead", () => {
  it("runs on its own node-postgres pool for every context createCtx hands out, read-only included", async () => {
    for (const [label, ctx] of [
      ["primary", createCtx({ actor: null })],
      ["readOnly", createCtx({ actor: null, readOnly: true })],
    ] as const) {
      const marker = `prepared_read_${label}_${randomUUID().replaceAll("-", "")}`;
      const rows = await preparedRead<{ v: number }>(ctx.db, {
        name: marker,
        text: `SELECT 1 AS v /* ${marker} */`,
        values: [],
      });
      expect(rows).toEqual([{ v: 1 }]);
      expect(await lastQueriesOfThePool(), label).toEqual(expect.arrayContaining([expect.stringContaining(marker)]));
    }
  });

  it("serves the registry's staff version, asked before every employee page, from the pool", async () => {
    const ctx = createCtx({ actor: null, readOnly: true });
    expect(await ctx.registry.staffVersion("99999999")).toBe("0");
    expect(await lastQueriesOfThePool()).toEqual(
      expect.arrayContaining([expect.stringContaining("FROM oberig.staff_versions")]),
    );
  });

  it("inside a transaction reads through it and sees its uncommitted writes; nothing of it after a rollback", async () => {
    const sessionId = randomUUID();
    const ctx = createCtx({ actor: null });
    await expect(
      db.$transaction(async (tx) => {
        await revokeSession(withDb(ctx, tx), { sessionId, expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600 });
        expect(await isSessionRevoked(withDb(ctx, tx), sessionId)).toBe(true);
        // Another connection does not see the uncommitted sign-out.
        expect(await isSessionRevoked(ctx, sessionId)).toBe(false);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await isSessionRevoked(ctx, sessionId)).toBe(false);
  });
});

describe("isSessionRevoked on the prepared path", () => {
  it("refuses a signed-out session, accepts an unknown one, refuses an id that is not a UUID or missing", async () => {
    const ctx = createCtx({ actor: null });
    const signedOut = randomUUID();
    const live = randomUUID();
    await revokeSession(ctx, { sessionId: signedOut, expiresAtSeconds: Math.floor(Date.now() / 1000) + 3600 });
    expect(await isSessionRevoked(ctx, signedOut)).toBe(true);
    expect(await isSessionRevoked(createCtx({ actor: null, readOnly: true }), signedOut)).toBe(true);
    expect(await isSessionRevoked(ctx, live)).toBe(false);
    expect(await isSessionRevoked(ctx, "not-a-uuid")).toBe(true);
    expect(await isSessionRevoked(ctx, undefined)).toBe(true);
    expect(await isSessionRevoked(ctx, 42)).toBe(true);
  });
});
