import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { createScratchDatabase, withPgClient } from "./setup/database";

// The password sign-in's counts lived in login_throttles; the migration that made throttle_windows
// the one throttle table must carry them over (a guesser mid-wait stays waiting), then drop it.

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const MOVE = "20261204185113_one_throttle_table";

describe("the one-throttle-table migration", () => {
  it("moves every password sign-in count and wait into throttle_windows and drops login_throttles", async () => {
    const before = await mkdtemp(path.join(os.tmpdir(), "bronya-throttle-migration-"));
    const scratch = await createScratchDatabase({ empty: true });
    try {
      await cp(MIGRATIONS_DIR, before, { recursive: true });
      await rm(path.join(before, MOVE), { recursive: true });
      await applyMigrations({ databaseUrl: scratch.url, migrationsDir: before });
      await withPgClient(async (client) => {
        // Prisma wrote these columns as UTC without a zone.
        await client.query(
          `INSERT INTO "login_throttles" ("key", "failures", "lastFailureAt", "blockedUntil") VALUES
             ('login:3000000011', 7, '2026-12-04 10:00:00', '2026-12-04 10:00:04'),
             ('address:203.0.113.7', 3, '2026-12-04 09:30:00', NULL)`,
        );
        await client.query(
          `INSERT INTO "throttle_windows" ("key", "windowStart", "hits", "expiresAt") VALUES
             ('kep-login:203.0.113.7', '2026-12-04T10:00:00Z', 2, '2026-12-04T10:15:00Z')`,
        );
      }, scratch.url);

      const result = await applyMigrations({ databaseUrl: scratch.url, migrationsDir: MIGRATIONS_DIR });
      expect(result.applied).toContain(MOVE);

      const rows = await withPgClient(
        async (client) =>
          (
            await client.query<{
              key: string;
              hits: number;
              windowStart: Date;
              expiresAt: Date;
              blockedUntil: Date | null;
            }>(
              `SELECT "key", "hits", "windowStart", "expiresAt", "blockedUntil" FROM "throttle_windows" ORDER BY "key"`,
            )
          ).rows,
        scratch.url,
      );
      expect(rows).toEqual([
        {
          key: "kep-login:203.0.113.7",
          hits: 2,
          windowStart: new Date("2026-12-04T10:00:00Z"),
          expiresAt: new Date("2026-12-04T10:15:00Z"),
          blockedUntil: null,
        },
        {
          key: "password-login:address:203.0.113.7",
          hits: 3,
          windowStart: new Date("2026-12-04T09:30:00Z"),
          expiresAt: new Date("2026-12-04T10:30:00Z"),
          blockedUntil: null,
        },
        {
          key: "password-login:login:3000000011",
          hits: 7,
          windowStart: new Date("2026-12-04T10:00:00Z"),
          expiresAt: new Date("2026-12-04T11:00:00Z"),
          blockedUntil: new Date("2026-12-04T10:00:04Z"),
        },
      ]);
      const left = await withPgClient(
        async (client) => (await client.query(`SELECT to_regclass('public.login_throttles') AS "table"`)).rows[0],
        scratch.url,
      );
      expect(left).toEqual({ table: null });
    } finally {
      await scratch.drop();
      await rm(before, { recursive: true, force: true });
    }
  });
});
