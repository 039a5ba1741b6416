import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EDRPOU, DEMO_USERS, seedDemo } from "@/prisma/seed";
import { createScratchDatabase, testDatabaseUrl, withPgClient } from "./setup/database";

// A small run of the national seed's path: the country's shape at 40,000 persons, the rows
// streamed with COPY, the secondary indexes dropped for the load and built again from their
// definitions, the references checked, statistics fresh — and the result what the rules allow.

const TODAY = "2026-11-22";
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let indexesBefore: string[];
const lines: string[] = [];

const sql = <Row extends Record<string, unknown> = Record<string, unknown>>(
  text: string,
  values: unknown[],
  url: string,
) => withPgClient(async (client) => (await client.query<Row>(text, values)).rows, url);
const indexes = async (url: string) =>
  (
    await sql<{ def: string }>(
      `SELECT indexdef AS def FROM pg_indexes WHERE schemaname IN ('oberig', 'public') ORDER BY indexname`,
      [],
      url,
    )
  ).map((r) => r.def);

beforeAll(async () => {
  scratch = await createScratchDatabase({ empty: false });
  indexesBefore = await indexes(scratch.url);
  await seedDemo({
    databaseUrl: scratch.url,
    dataDir: "/x",
    log: (line) => lines.push(line),
    persons: 40_000,
    today: TODAY,
    shape: "national",
    rebuildIndexes: true,
  });
}, 300_000);

afterAll(async () => {
  await scratch?.drop();
});

const one = async (text: string) => Number(Object.values((await sql(text, [], scratch.url))[0]!)[0]);

describe("the national seed, small", () => {
  it("loads every person and builds every index again, exactly as the migrations define them", async () => {
    expect(await one("SELECT count(*) FROM oberig.persons")).toBe(40_000);
    expect(await indexes(scratch.url)).toEqual(indexesBefore);
    expect(lines.some((line) => /Будую індекс \d+\/\d+/.test(line))).toBe(true);
    expect(lines.some((line) => /Індекси побудовано/.test(line))).toBe(true);
    // ANALYZE ran: the planner knows the sizes.
    expect(await one("SELECT reltuples::bigint FROM pg_class WHERE oid = 'oberig.persons'::regclass")).toBeGreaterThan(
      30_000,
    );
  });

  it("writes text through COPY unharmed: apostrophes, null fields, dates, enums and money", async () => {
    expect(
      await one(`SELECT count(*) FROM oberig.persons WHERE "lastName" LIKE '%''%' OR "firstName" LIKE '%''%'`),
    ).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM oberig.persons WHERE email IS NULL`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) FROM oberig.persons WHERE "lastName" ~ '\\\\|\\t|\\n' OR address = '\\N'`)).toBe(
      0,
    );
    expect(await one(`SELECT count(*) FROM oberig.employments WHERE salary::text !~ '^[0-9]+\\.[0-9]{2}$'`)).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM oberig.persons WHERE "updatedAt" IS NULL OR "createdAt" > now() AT TIME ZONE 'UTC'`,
      ),
    ).toBe(0);
  });

  it("never has more active marks at an enterprise than the limit of its decision in force", async () => {
    const over = await sql(
      `SELECT m.edrpou, count(*) AS marks, max(d."limitCount") AS "limit" FROM oberig.reservation_marks m
         LEFT JOIN critical_decisions d ON d.edrpou = m.edrpou AND d.status = 'ACTIVE' AND d."validFrom" <= $1::date AND d."validUntil" >= $1::date
        WHERE m.status = 'ACTIVE' GROUP BY m.edrpou HAVING count(*) > coalesce(max(d."limitCount"), 0)`,
      [TODAY],
      scratch.url,
    );
    expect(over).toEqual([]);
    expect(await one("SELECT count(*) FROM oberig.reservation_marks WHERE status = 'ACTIVE'")).toBeGreaterThan(
      40_000 * 0.08,
    );
  });

  it("has the country's shape: a quarter of the enterprises critical, most of them small", async () => {
    const enterprises = await one("SELECT count(*) FROM oberig.enterprises");
    const critical = await one("SELECT count(DISTINCT edrpou) FROM critical_decisions");
    expect(critical / enterprises).toBeGreaterThan(0.23);
    expect(critical / enterprises).toBeLessThan(0.27);
    const small = await one(
      `SELECT count(*) FROM (SELECT e.edrpou FROM oberig.enterprises e LEFT JOIN oberig.employments j ON j.edrpou = e.edrpou AND j."endDate" IS NULL GROUP BY e.edrpou HAVING count(j.id) < 50) s`,
    );
    expect(small / enterprises).toBeGreaterThan(0.6);
  });

  it("keeps the demo: its users and its 10,000-employee enterprise; every enterprise has a staff version", async () => {
    expect(await one("SELECT count(*) FROM users")).toBe(DEMO_USERS.length);
    expect(
      await one(`SELECT count(*) FROM oberig.employments WHERE edrpou = '${DEMO_EDRPOU.big}' AND "endDate" IS NULL`),
    ).toBe(10_000);
    expect(
      await one(
        "SELECT count(*) FROM oberig.enterprises e WHERE NOT EXISTS (SELECT 1 FROM oberig.staff_versions v WHERE v.edrpou = e.edrpou)",
      ),
    ).toBe(0);
  });

  it("leaves the shared test database alone", () => {
    expect(scratch.url).not.toBe(testDatabaseUrl());
  });
});
