import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { registry } from "@/lib/registry";
import { listEmployees } from "@/lib/reservations";
import { createWorld, type World } from "@/lib/reservations/testing/world";
import { createCtx } from "@/lib/context-server";

// The per-enterprise version of the registry data behind the employee list: triggers on the
// registry's tables bump it in the writing transaction, whoever writes (Prisma or plain SQL
// that leaves updatedAt alone), only for the enterprises concerned, and never before commit.

let w: World;
let other: World;
const version = (edrpou: string) => registry().staffVersion(edrpou);

beforeAll(async () => {
  w = await createWorld(createCtx({ actor: null }), { serial: 71, employees: 12, limitCount: 5, withHeadKey: false });
  other = await createWorld(createCtx({ actor: null }), { serial: 72, employees: 3, withHeadKey: false });
});

afterAll(async () => {
  await stopSenderBoss();
});

async function bumps(write: () => Promise<unknown>, edrpou = w.edrpou): Promise<void> {
  const before = await version(edrpou);
  const otherBefore = await version(other.edrpou);
  await write();
  const after = await version(edrpou);
  expect(after).not.toBe(before);
  expect(BigInt(after) > BigInt(before)).toBe(true);
  expect(await version(other.edrpou)).toBe(otherBefore);
}

describe("staffVersion", () => {
  it("exists for a new enterprise and is one primary-key read", async () => {
    expect(await version(w.edrpou)).not.toBe("0");
    expect(await version("99999999")).toBe("0");
  });

  it("changes with every kind of write the list reads, and only for the enterprise concerned", async () => {
    const [a, b, c, d] = w.employees;
    await bumps(
      () => db.$executeRaw`UPDATE oberig.employments SET salary = 15000 WHERE rnokpp = ${a} AND edrpou = ${w.edrpou}`,
    );
    await bumps(() => db.$executeRaw`UPDATE oberig.persons SET "lastName" = 'Змінений' WHERE rnokpp = ${b}`);
    await bumps(
      () => db.$executeRaw`UPDATE oberig.military_registrations SET status = 'BEING_CLARIFIED' WHERE rnokpp = ${c}`,
    );
    await bumps(
      () => db.$executeRaw`UPDATE oberig.enterprises SET frontline = NOT frontline WHERE edrpou = ${w.edrpou}`,
    );
    // A mark at ANOTHER enterprise of someone employed here changes both lists (here: reserved elsewhere).
    const [here, there] = [await version(w.edrpou), await version(other.edrpou)];
    await db.$executeRaw`INSERT INTO oberig.reservation_marks (id, rnokpp, edrpou, "fromDate", "untilDate", status, "activeRnokpp", source, "updatedAt")
      VALUES (gen_random_uuid(), ${d}, ${other.edrpou}, CURRENT_DATE, CURRENT_DATE + 30, 'ACTIVE', ${d}, 'diia', now())`;
    expect(await version(w.edrpou)).not.toBe(here);
    expect(await version(other.edrpou)).not.toBe(there);
    await bumps(() => db.$executeRaw`DELETE FROM oberig.employments WHERE rnokpp = ${a} AND edrpou = ${w.edrpou}`);
  });

  it("is not bumped by a write that rolls back, and no other connection sees a bump before the commit", async () => {
    const before = await version(w.edrpou);
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE oberig.employments SET position = 'Тимчасово' WHERE edrpou = ${w.edrpou}`;
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await version(w.edrpou)).toBe(before);

    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE oberig.employments SET position = 'Інженер' WHERE edrpou = $1`, [w.edrpou]);
      expect(await version(w.edrpou)).toBe(before); // uncommitted: the old data, the old version
      await writer.query("COMMIT");
    } finally {
      await writer.end();
    }
    expect(await version(w.edrpou)).not.toBe(before);
  });

  it("keeps the cached list exact after writes that leave updatedAt alone", async () => {
    const first = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      pageSize: 100,
      revealRnokpp: true,
    });
    const target = w.employees[5]!;
    expect(first.items.find((i) => i.rnokpp === target)!.eligible).toBe(true);
    // Plain SQL, as another system writing the registry would: no updatedAt, no portal code.
    await db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true, status = 'WANTED' WHERE rnokpp = ${target}`;
    const second = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      pageSize: 100,
      revealRnokpp: true,
    });
    const row = second.items.find((i) => i.rnokpp === target)!;
    expect(row.eligible).toBe(false);
    expect(row.reasons.map((r) => r.code)).toContain("WANTED");
    await db.$executeRaw`UPDATE oberig.persons SET "firstName" = 'Перейменований' WHERE rnokpp = ${target}`;
    const third = await listEmployees(createCtx({ actor: w.head.actor }), {
      edrpou: w.edrpou,
      pageSize: 100,
      revealRnokpp: true,
    });
    expect(third.items.find((i) => i.rnokpp === target)!.fullName).toContain("Перейменований");
  });
});
