import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { stopSenderBoss } from "@/lib/jobs/boss";
import { decideSubmittedApplication } from "@/lib/reservations";
import { createWorld, personRnokpp, submitSigned } from "@/lib/reservations/testing/world";
import { addDays } from "@/lib/rules";
import { createCtx } from "@/lib/context-server";
import { createPeople } from "@/prisma/seed/factories";

// The worker reads an application's registry records ahead of its transaction, and under the
// enterprise's lock reads again only the persons the registry has noted a change for since.
// A registry change made between the two — exactly the window the read-ahead opens — must
// decide as if everything had been read under the lock: each case here makes one there.

afterAll(async () => {
  await stopSenderBoss();
});

/** Decides with `change` made after the read-ahead; the items' results by РНОКПП. */
async function decideWith(applicationId: string, change: () => Promise<unknown>) {
  let made = 0;
  const outcome = await decideSubmittedApplication(createCtx({ actor: null }), {
    applicationId,
    faults: { afterPreread: async () => void ((made += 1), await change()) },
  });
  expect(made).toBe(1);
  const items = await db.applicationItem.findMany({ where: { applicationId }, orderBy: { position: "asc" } });
  return { outcome, results: new Map(items.map((i) => [i.rnokpp, { decision: i.decision, reasons: i.reasons }])) };
}

describe("a decision whose records were read ahead", () => {
  it("sees a military record changed after the read-ahead", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 127, employees: 6, limitCount: 6 });
    const applicationId = await submitSigned(w, w.employees);
    const wanted = w.employees[1]!;
    const { outcome, results } = await decideWith(
      applicationId,
      () => db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${wanted}`,
    );
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 5, refused: 1 });
    expect(results.get(wanted)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
  });

  it("sees a dismissal and a new hire made after the read-ahead", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 128, employees: 4, limitCount: 6 });
    const leaving = w.employees[0]!;
    const hired = personRnokpp(128, 600);
    // Someone the registry knows but who is not employed here when the records are read ahead.
    // The factory's man: on the register, military-liable, his data updated.
    await createPeople(db, [{ rnokpp: hired, lastName: "Новенький", employments: [] }]);
    const applicationId = await submitSigned(w, [...w.employees, hired]);
    const { outcome, results } = await decideWith(applicationId, async () => {
      await db.$executeRaw`UPDATE oberig.employments SET "endDate" = ${addDays(w.today, -1)}::date WHERE rnokpp = ${leaving} AND edrpou = ${w.edrpou}`;
      await db.$executeRaw`
        INSERT INTO oberig.employments (id, rnokpp, edrpou, position, "startDate", salary, "mainJob", suspended, "reportedOn")
        VALUES (gen_random_uuid(), ${hired}, ${w.edrpou}, 'Токар', ${addDays(w.today, -30)}::date, 30000, true, false, ${w.today}::date)`;
    });
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 4, refused: 1 });
    expect(results.get(leaving)).toEqual({ decision: "REFUSED", reasons: ["NOT_AN_EMPLOYEE"] });
    expect(results.get(hired)!.decision).toBe("RESERVED");
  });

  it("reads everything again after a change of the enterprise itself", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 129, employees: 3, limitCount: 6 });
    const applicationId = await submitSigned(w, w.employees);
    const wanted = w.employees[2]!;
    const { outcome, results } = await decideWith(applicationId, async () => {
      await db.$executeRaw`UPDATE oberig.enterprises SET "shortName" = 'Перейменоване' WHERE edrpou = ${w.edrpou}`;
      // A change the notes do not name (the registry's triggers off for it): only reading
      // everything again, as a change of the enterprise requires, finds it.
      await db.$transaction([
        db.$executeRaw`SET LOCAL session_replication_role = replica`,
        db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${wanted}`,
      ]);
    });
    expect(outcome).toMatchObject({ outcome: "decided", reserved: 2, refused: 1 });
    expect(results.get(wanted)).toEqual({ decision: "REFUSED", reasons: ["WANTED"] });
  });

  it("reads again anyone listed who is not employed here, whose changes the notes do not name", async () => {
    const w = await createWorld(createCtx({ actor: null }), { serial: 130, employees: 2, limitCount: 6 });
    // Reserved here without an employment here: an employee for the rules (they hold a
    // reservation here), but the registry notes their changes only for their employers.
    const marked = personRnokpp(130, 700);
    // The factory's man: on the register, military-liable, his data updated.
    await createPeople(db, [{ rnokpp: marked, lastName: "Заброньований", employments: [] }]);
    await db.$executeRaw`
      INSERT INTO oberig.reservation_marks (id, rnokpp, edrpou, "fromDate", "untilDate", status, "activeRnokpp", source, "updatedAt")
      VALUES (gen_random_uuid(), ${marked}, ${w.edrpou}, ${addDays(w.today, -10)}::date, ${addDays(w.today, 100)}::date,
        'ACTIVE', ${marked}, 'registry', now())`;
    const applicationId = await submitSigned(w, [...w.employees, marked]);
    const { results } = await decideWith(
      applicationId,
      () => db.$executeRaw`UPDATE oberig.military_registrations SET wanted = true WHERE rnokpp = ${marked}`,
    );
    expect(results.get(marked)!.decision).toBe("REFUSED");
    expect(results.get(marked)!.reasons).toContain("WANTED");
  });
});
