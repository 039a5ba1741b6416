import { spawn } from "node:child_process";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { authenticator } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPasswordLogin } from "@/lib/auth/verify-password-login";
import { DEMO_EDRPOU, DEMO_USERS, seedDemo, seedIfEmpty } from "@/prisma/seed";
import { todayInKyiv } from "@/prisma/seed/dates";
import { assertReferences, deferReferenceChecks } from "@/prisma/seed/sql/references";
import { createScratchDatabase, sql, testDatabaseUrl, withPgClient } from "./setup/database";

// The demo seed against a real Postgres: a fresh migrated database per file, seeded once with
// the default size, then checked in SQL (identifiers validated by the database, not by the
// code that made them), signed into with the demo logins, and refused where it must refuse.

// The day the seed is made coherent with, chosen here and passed to every seed run: the calendar
// may move on while the file runs (or the seed's default change), the assertions may not.
const TODAY = todayInKyiv();
const ROOT = path.resolve(".");
const lines: string[] = [];
let seededMs = 0;

beforeAll(async () => {
  const started = Date.now();
  const result = await seedIfEmpty({
    databaseUrl: testDatabaseUrl(),
    dataDir: "/nonexistent-data-dir",
    log: (line) => lines.push(line),
    today: TODAY,
  });
  seededMs = Date.now() - started;
  expect(result).toEqual({ seeded: true });
}, 120_000);

const count = async (text: string, values: unknown[] = []) => Number((await sql<{ n: string }>(text, values))[0]!.n);

/** Row counts of everything the seed writes, to prove that a refusal changed nothing. */
async function snapshot() {
  return sql(`SELECT (SELECT count(*) FROM oberig.persons) AS persons, (SELECT count(*) FROM oberig.employments) AS employments,
    (SELECT count(*) FROM oberig.reservation_marks) AS marks, (SELECT count(*) FROM public.critical_decisions) AS decisions,
    (SELECT count(*) FROM public.users) AS users, (SELECT max("updatedAt") FROM oberig.persons) AS stamp`);
}

describe("the default demo seed", () => {
  it("fills the registry with at least 30,000 persons in seconds", async () => {
    console.log(`[seed] default demo seeded in ${seededMs} ms`);
    expect(await count("SELECT count(*) AS n FROM oberig.persons")).toBeGreaterThanOrEqual(30_000);
    expect(await count("SELECT count(*) AS n FROM oberig.military_registrations")).toBeGreaterThan(14_000);
    expect(lines.at(-1)).toMatch(/^Демо-дані готові/);
    expect(lines).toContain(`Генерую демо-дані: ${(30_000).toLocaleString("uk-UA")} осіб на ${TODAY}…`);
  });

  it("has only valid РНОКПП that encode the recorded birth date and sex (checked in SQL)", async () => {
    const bad = await sql(`
      WITH d AS (SELECT rnokpp, "birthDate", sex, array(SELECT substr(rnokpp, i, 1)::int FROM generate_series(1, 10) i) AS g FROM oberig.persons WHERE rnokpp ~ '^[0-9]{10}$')
      SELECT rnokpp FROM d WHERE
        ((((-1 * g[1] + 5 * g[2] + 7 * g[3] + 9 * g[4] + 4 * g[5] + 6 * g[6] + 10 * g[7] + 5 * g[8] + 7 * g[9]) % 11) + 11) % 11) % 10 <> g[10]
        OR DATE '1899-12-31' + substr(rnokpp, 1, 5)::int <> "birthDate"
        OR (g[9] % 2 = 1) <> (sex = 'MALE')
      UNION ALL SELECT rnokpp FROM oberig.persons WHERE rnokpp !~ '^[0-9]{10}$'`);
    expect(bad).toEqual([]);
  });

  it("has only valid ЄДРПОУ for enterprises and authorities (checked in SQL)", async () => {
    const bad = await sql(`
      WITH codes AS (SELECT edrpou AS code FROM oberig.enterprises UNION ALL SELECT edrpou FROM public.authorities),
      d AS (SELECT code, array(SELECT substr(code, i, 1)::int FROM generate_series(1, 8) i) AS g,
              CASE WHEN code::bigint < 30000000 OR code::bigint > 60000000 THEN ARRAY[1,2,3,4,5,6,7] ELSE ARRAY[7,1,2,3,4,5,6] END AS w
            FROM codes WHERE code ~ '^[0-9]{8}$'),
      r AS (SELECT code, g, (SELECT sum(g[i] * w[i]) FROM generate_series(1, 7) i) % 11 AS r1, (SELECT sum(g[i] * (w[i] + 2)) FROM generate_series(1, 7) i) % 11 AS r2 FROM d)
      SELECT code FROM r WHERE g[8] <> CASE WHEN r1 < 10 THEN r1 WHEN r2 < 10 THEN r2 ELSE 0 END
      UNION ALL SELECT code FROM codes WHERE code !~ '^[0-9]{8}$'`);
    expect(bad).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM oberig.enterprises")).toBeGreaterThanOrEqual(300);
    expect(await count(`SELECT count(*) AS n FROM oberig.enterprises WHERE "headRnokpp" IS NULL`)).toBe(0);
  });

  it("has exactly one enterprise with 10,000 active employees: the demo head's", async () => {
    const rows = await sql<{ edrpou: string }>(
      `SELECT edrpou FROM oberig.employments WHERE "endDate" IS NULL GROUP BY edrpou HAVING count(*) >= 10000`,
    );
    expect(rows).toEqual([{ edrpou: DEMO_EDRPOU.big }]);
    expect(
      await count(`SELECT count(*) AS n FROM oberig.employments WHERE edrpou = $1 AND "endDate" IS NULL`, [
        DEMO_EDRPOU.big,
      ]),
    ).toBe(10_000);
  });

  it("has decisions in force of every limit category, some expired and exactly one revoked", async () => {
    const inForce = await sql<{ category: string }>(
      `SELECT DISTINCT "limitCategory"::text AS category FROM critical_decisions
      WHERE status = 'ACTIVE' AND "validFrom" <= $1 AND "validUntil" >= $1 ORDER BY 1`,
      [TODAY],
    );
    expect(inForce.map((row) => row.category)).toEqual([
      "DEFAULT_50",
      "DEFENCE_100",
      "DRONE_WEAPONS_100",
      "FRONTLINE_100",
      "LIFE_SUPPORT_75",
      "MEDICAL_100",
      "UKRZALIZNYTSIA_80",
    ]);
    expect(
      await count(`SELECT count(*) AS n FROM critical_decisions WHERE status = 'ACTIVE' AND "validUntil" < $1`, [
        TODAY,
      ]),
    ).toBeGreaterThan(5);
    const revoked = await sql<{ reason: string | null; at: Date | null }>(
      `SELECT "revocationReason" AS reason, "revokedAt" AS at FROM critical_decisions WHERE status = 'REVOKED'`,
    );
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.reason).toMatch(/ліміт/);
    expect(revoked[0]!.at).toBeInstanceOf(Date);
    expect(
      await count(
        `SELECT count(*) AS n FROM critical_decisions WHERE "decidedOn" < '2026-05-30' AND "validUntil" > '2026-09-01'`,
      ),
    ).toBe(0);
  });

  it("keeps reservations made through Дія within each enterprise's limit, one active per person", async () => {
    const over = await sql(
      `SELECT m.edrpou, count(*) AS used, d."limitCount" FROM oberig.reservation_marks m
      JOIN critical_decisions d ON d.edrpou = m.edrpou AND d.status = 'ACTIVE' AND d."validFrom" <= $1 AND d."validUntil" >= $1
      WHERE m.status = 'ACTIVE' GROUP BY m.edrpou, d."limitCount" HAVING count(*) > d."limitCount"`,
      [TODAY],
    );
    expect(over).toEqual([]);
    expect(
      await count(`SELECT count(*) AS n FROM oberig.reservation_marks WHERE status = 'ACTIVE' AND source = 'diia'`),
    ).toBeGreaterThan(1000);
    expect(await count(`SELECT count(*) AS n FROM reservations`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM applications`)).toBe(0);
  });

  it("lets every demo user sign in with their documented login, password and TOTP code", async () => {
    for (const user of DEMO_USERS) {
      const totp = user.totpSecret ? authenticator.generate(user.totpSecret) : undefined;
      const signedIn = await verifyPasswordLogin(
        { db, now: new Date() },
        {
          address: "192.0.2.10",
          login: user.login,
          password: user.password,
          totp,
        },
      );
      expect(signedIn.rnokpp, user.key).toBe(user.rnokpp);
      const [row] = await sql<{ hash: string }>(`SELECT "passwordHash" AS hash FROM users WHERE rnokpp = $1`, [
        user.rnokpp,
      ]);
      expect(row!.hash).toMatch(/^\$argon2id\$/);
      expect(await verify(row!.hash, `${user.password}x`)).toBe(false);
    }
  });

  it("grants the roles that are not read from the registry, and makes the heads heads", async () => {
    const memberships = await sql<{
      key: string;
      role: string;
      authority: string | null;
      edrpou: string | null;
      unit: string | null;
    }>(`
      SELECT u.rnokpp AS key, m.role::text AS role, a.code AS authority, m.edrpou, mu.code AS unit FROM memberships m
      JOIN users u ON u.id = m."userId" LEFT JOIN authorities a ON a.id = m."authorityId" LEFT JOIN military_units mu ON mu.id = m."unitId" ORDER BY 2, 1`);
    const expected = DEMO_USERS.filter((u) => !["ENTERPRISE_HEAD", "CONSCRIPT"].includes(u.role)).map((u) => ({
      key: u.rnokpp,
      role: u.role,
      authority: u.authorityCode ?? null,
      edrpou: u.role === "AUTHORIZED_PERSON" ? u.edrpou! : null,
      unit: u.unitCode ?? null,
    }));
    expect(memberships).toEqual(expect.arrayContaining(expected));
    expect(memberships).toHaveLength(expected.length);
    for (const head of DEMO_USERS.filter((u) => u.role === "ENTERPRISE_HEAD")) {
      expect(
        await sql(`SELECT 1 FROM oberig.enterprises WHERE edrpou = $1 AND "headRnokpp" = $2`, [
          head.edrpou,
          head.rnokpp,
        ]),
      ).toHaveLength(1);
    }
    expect(await count("SELECT count(*) AS n FROM military_units")).toBe(20);
    expect(await count("SELECT count(*) AS n FROM vacancies")).toBe(60);
  });

  it("gives the eligible demo conscript a notice of the demo ТЦК and the reserved one none (refused: reserved)", async () => {
    const rnokppOf = (key: string) => DEMO_USERS.find((u) => u.key === key)!.rnokpp;
    const notices = await sql<{ rnokpp: string; kind: string; status: string }>(
      `SELECT rnokpp, kind::text, status::text FROM notices`,
    );
    expect(notices).toEqual([{ rnokpp: rnokppOf("conscript-eligible"), kind: "MOBILISATION", status: "FORMED" }]);
    const refusals = await sql<{ rnokpp: string; reasons: string[] }>(`SELECT rnokpp, reasons FROM notice_refusals`);
    expect(refusals).toEqual([{ rnokpp: rnokppOf("conscript-reserved"), reasons: ["RESERVED"] }]);
    const batch = await sql<{ tcc: string; appear: string; formed_by: string }>(
      `SELECT tcc, to_char("appearAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv', 'HH24:MI ID') AS appear, "formedByName" AS formed_by FROM notice_batches`,
    );
    expect(batch).toHaveLength(1);
    expect(batch[0]!.tcc).toBe("Соборний РТЦК та СП м. Дніпра");
    expect(batch[0]!.appear).toMatch(/^09:00 [1-5]$/);
    expect(batch[0]!.formed_by).toBe(DEMO_USERS.find((u) => u.key === "tck-officer")!.fullName);
  });
});

describe("refusals", () => {
  it("seedIfEmpty does nothing on a seeded registry", async () => {
    const before = await snapshot();
    expect(
      await seedIfEmpty({ databaseUrl: testDatabaseUrl(), dataDir: "/nonexistent", log: () => undefined }),
    ).toEqual({ seeded: false });
    expect(await snapshot()).toEqual(before);
  });

  it("seedDemo refuses a non-empty database without force and changes nothing", async () => {
    const before = await snapshot();
    await expect(
      seedDemo({ databaseUrl: testDatabaseUrl(), dataDir: "/nonexistent", log: () => undefined }),
    ).rejects.toMatchObject({ code: "SEED_NOT_EMPTY" });
    expect(await snapshot()).toEqual(before);
  });

  it.each([[-5], [Number.NaN], [1.5], [9_999], [12_000_001]])(
    "seedDemo refuses %s persons before touching the database",
    async (persons) => {
      await expect(
        seedDemo({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", dataDir: "/x", log: () => undefined, persons }),
      ).rejects.toMatchObject({ code: "SEED_BAD_OPTION" });
    },
  );

  it("seedDemo refuses a malformed day", async () => {
    await expect(
      seedDemo({
        databaseUrl: "postgresql://nobody@127.0.0.1:1/none",
        dataDir: "/x",
        log: () => undefined,
        today: "2026-02-30",
      }),
    ).rejects.toMatchObject({ code: "SEED_BAD_OPTION" });
  });

  it("catches a dangling reference when row-by-row foreign-key checks are deferred", async () => {
    await withPgClient(async (client) => {
      await client.query("BEGIN");
      try {
        expect(await deferReferenceChecks(client)).toBe(true);
        await assertReferences(client);
        await client.query(
          `INSERT INTO oberig.employments (id, rnokpp, edrpou, position, "startDate", salary, "reportedOn")
          VALUES (gen_random_uuid(), '1759013776', $1, 'x', '2020-01-01', 1, '2026-11-20')`,
          [DEMO_EDRPOU.big],
        );
        await expect(assertReferences(client)).rejects.toThrow(/"oberig"\."employments"\.rnokpp → "oberig"\."persons"/);
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });

  it("reports an unreachable database in one sentence", async () => {
    await expect(
      seedIfEmpty({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none", dataDir: "/x", log: () => undefined }),
    ).rejects.toMatchObject({ code: "SEED_DB_UNREACHABLE" });
  });
});

describe("two launchers at once", () => {
  it("seed an empty database exactly once", async () => {
    const scratch = await createScratchDatabase({ empty: false });
    try {
      const options = { databaseUrl: scratch.url, dataDir: "/x", log: () => undefined };
      const results = await Promise.all([seedIfEmpty(options), seedIfEmpty(options)]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      const [row] = await withPgClient(
        (client) => client.query<{ n: string }>("SELECT count(*) AS n FROM oberig.persons"),
        scratch.url,
      ).then((r) => r.rows);
      expect(Number(row!.n)).toBe(30_000);
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});

type Run = { code: number | null; stdout: string; stderr: string };

function runSeed(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: testDatabaseUrl(),
    };
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts", ...args],
      { cwd: ROOT, env },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run seed", () => {
  it.each([
    [["--persons", "abc"], /--persons: Кількість осіб має бути числом/],
    [["--persons", "-5"], /--persons: Кількість осіб має бути не меншою/],
    [["--persons", ""], /--persons: Кількість осіб має бути числом/],
    [["--persons", "12.5"], /--persons: Кількість осіб має бути цілим/],
    [["--persons", "12000001"], /--persons: Кількість осіб має бути не більшою за 12.000.000/],
    [["--scale", "country"], /--scale: Невідомий масштаб: відомі demo .*national \(10.000.000 осіб\)/],
    [["--scale", ""], /--scale: Невідомий масштаб/],
    [["--scale", "national", "--persons", "20000"], /або --scale, або --persons/],
    [["--today", "yesterday"], /--today: Дата має бути у форматі/],
    [["--bogus"], /Незрозумілий параметр/],
  ])(
    "refuses %j in one sentence with a non-zero exit, changing nothing",
    async (args, message) => {
      const before = await snapshot();
      const run = await runSeed(args);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(await snapshot()).toEqual(before);
    },
    60_000,
  );

  it("refuses to seed over existing data without --force", async () => {
    const before = await snapshot();
    const run = await runSeed(["--persons", "10000"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/вже містить дані.*--force/);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it("with --force replaces everything but the migrations and the КЕП CA", async () => {
    await sql(
      `INSERT INTO ca_keys (id, "certPem", "keyPem") VALUES ('root', 'cert', 'key') ON CONFLICT (id) DO NOTHING`,
    );
    await sql(
      `INSERT INTO notifications (id, "recipientRnokpp", audience, kind, title, body) VALUES (gen_random_uuid(), '1759013776', 'me', 'test', 't', 'b')`,
    );
    const migrations = await count("SELECT count(*) AS n FROM _prisma_migrations");
    const run = await runSeed(["--persons", "10000", "--today", TODAY, "--force"]);
    expect(run.stderr).not.toMatch(/✖/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/видалено \(--force\)/);
    expect(run.stdout).toMatch(/Демо-дані готові/);
    expect(run.stderr).toMatch(/10 000 \/ 10 000 осіб \(100%\)/);
    expect(await count("SELECT count(*) AS n FROM oberig.persons")).toBe(10_000);
    expect(await count("SELECT count(*) AS n FROM users")).toBe(DEMO_USERS.length);
    expect(await count("SELECT count(*) AS n FROM notifications")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM ca_keys")).toBe(1);
    expect(await count("SELECT count(*) AS n FROM _prisma_migrations")).toBe(migrations);
  }, 120_000);
});
