import { beforeAll, describe, expect, it } from "vitest";
import { bookCentreVisit } from "@/lib/centres/book-centre-visit";
import { cancelCentreVisit } from "@/lib/centres/cancel-centre-visit";
import { listCentreVisits } from "@/lib/centres/list-centre-visits";
import { listMyCentreVisits } from "@/lib/centres/list-my-centre-visits";
import { markCentreVisit } from "@/lib/centres/mark-centre-visit";
import { db } from "@/lib/db/client";
import { createPerson, createRecruitmentCentre } from "@/prisma/seed/factories";
import { centreRecruiterActor, conscriptActor, ctxAs, refusal } from "@/tests/integration/fixtures/actors";

// The centre's recruiter marks whether a booked visitor came: own centre only, today or a past
// day only, booked visits only; a second mark corrects the first; the citizen sees the outcome.

// Friday 4 December 2026, 11:00 in Kyiv (UTC+2); Monday is 7 December.
const friday = new Date("2026-12-04T09:00:00Z");
const mondayNoon = new Date("2026-12-07T10:00:00Z");
const MONDAY = "2026-12-07";

const marks = (visitId: string) =>
  db.auditLog.count({ where: { entityId: visitId, action: { in: ["centreVisit.came", "centreVisit.noShow"] } } });

describe("marking a visit at a recruitment centre", () => {
  let centre: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    centre = await createRecruitmentCentre(db, { capacity: 5 });
    other = await createRecruitmentCentre(db, { capacity: 5 });
  });

  async function book(day: string, time: string, lastName = "Відвідувач") {
    const me = conscriptActor((await createPerson(db, { lastName })).rnokpp);
    const { visitId } = await bookCentreVisit(ctxAs(me, friday), {
      centreId: centre.id,
      day,
      time,
      purpose: "CONTRACT",
    });
    return { me, visitId };
  }

  it("marks today's visitor as having come; the citizen sees it; a correction is audited with the mark it replaces", async () => {
    const { me, visitId } = await book(MONDAY, "14:00", "Прийшовший");
    const officer = centreRecruiterActor(centre.id);

    // On Monday at noon, before the 14:00 slot: a visitor may come early.
    expect(await markCentreVisit(ctxAs(officer, mondayNoon), { visitId, attendance: "CAME" })).toEqual({
      attendance: "CAME",
      changed: true,
    });
    expect(
      await db.centreVisit.findUniqueOrThrow({
        where: { id: visitId },
        select: { attendance: true, markedAt: true, markedByRnokpp: true, status: true },
      }),
    ).toEqual({ attendance: "CAME", markedAt: mondayNoon, markedByRnokpp: officer.rnokpp, status: "BOOKED" });
    expect(await db.auditLog.findFirst({ where: { entityId: visitId, action: "centreVisit.came" } })).toMatchObject({
      actorRnokpp: officer.rnokpp,
    });

    const day = await listCentreVisits(ctxAs(officer, mondayNoon), { day: MONDAY });
    expect(day.visits.find((visit) => visit.id === visitId)).toMatchObject({ attendance: "CAME", markable: true });
    const mine = (await listMyCentreVisits(ctxAs(me, mondayNoon))).find((visit) => visit.id === visitId);
    expect(mine).toMatchObject({ attendance: "CAME", upcoming: false });
    // A marked visit is no longer the citizen's to cancel, although its slot has not begun.
    expect((await refusal(cancelCentreVisit(ctxAs(me, mondayNoon), { visitId }))).code).toBe("VISIT_NOT_CANCELLABLE");

    // The same mark again writes nothing; the other one corrects it.
    expect(await markCentreVisit(ctxAs(officer, mondayNoon), { visitId, attendance: "CAME" })).toEqual({
      attendance: "CAME",
      changed: false,
    });
    expect(await marks(visitId)).toBe(1);
    const later = new Date("2026-12-07T15:00:00Z");
    await markCentreVisit(ctxAs(centreRecruiterActor(centre.id, "3271022812"), later), {
      visitId,
      attendance: "NO_SHOW",
    });
    const correction = await db.auditLog.findFirstOrThrow({
      where: { entityId: visitId, action: "centreVisit.noShow" },
    });
    expect(correction.details).toMatchObject({ previous: "CAME", day: MONDAY, time: "14:00" });
    expect(await marks(visitId)).toBe(2);
    expect((await listMyCentreVisits(ctxAs(me, later))).find((visit) => visit.id === visitId)).toMatchObject({
      attendance: "NO_SHOW",
    });
    expect(
      await db.centreVisit.findUniqueOrThrow({
        where: { id: visitId },
        select: { markedByRnokpp: true, markedAt: true },
      }),
    ).toEqual({ markedByRnokpp: "3271022812", markedAt: later });
  });

  it("marks a past day's visit as not come", async () => {
    const { visitId } = await book(MONDAY, "09:30");
    const weekLater = new Date("2026-12-14T08:00:00Z");
    await expect(
      markCentreVisit(ctxAs(centreRecruiterActor(centre.id), weekLater), { visitId, attendance: "NO_SHOW" }),
    ).resolves.toEqual({ attendance: "NO_SHOW", changed: true });
  });

  it("refuses another centre's visit, a future visit, a cancelled one, bad input and a citizen, writing nothing", async () => {
    const { me, visitId } = await book(MONDAY, "10:30");
    const cancelled = await book(MONDAY, "11:00");
    await cancelCentreVisit(ctxAs(cancelled.me, friday), { visitId: cancelled.visitId });
    const officer = centreRecruiterActor(centre.id);

    const cases: Array<[string, () => Promise<unknown>, string, number]> = [
      [
        "another centre's recruiter",
        () => markCentreVisit(ctxAs(centreRecruiterActor(other.id), mondayNoon), { visitId, attendance: "CAME" }),
        "NOT_FOUND",
        404,
      ],
      [
        "an unknown visit",
        () =>
          markCentreVisit(ctxAs(officer, mondayNoon), {
            visitId: "00000000-0000-4000-8000-000000000000",
            attendance: "CAME",
          }),
        "NOT_FOUND",
        404,
      ],
      // On Friday the Monday visit is still ahead.
      [
        "a future visit",
        () => markCentreVisit(ctxAs(officer, friday), { visitId, attendance: "CAME" }),
        "VISIT_NOT_YET",
        422,
      ],
      [
        "a cancelled visit",
        () => markCentreVisit(ctxAs(officer, mondayNoon), { visitId: cancelled.visitId, attendance: "NO_SHOW" }),
        "VISIT_NOT_MARKABLE",
        409,
      ],
      ["a citizen", () => markCentreVisit(ctxAs(me, mondayNoon), { visitId, attendance: "CAME" }), "FORBIDDEN", 403],
    ];
    for (const [label, attempt, code, status] of cases) {
      const error = await refusal(attempt());
      expect({ label, code: error.code, status: error.status }).toEqual({ label, code, status });
      expect(error.message, label).toMatch(/[А-Яа-яІіЇїЄє]/);
    }
    for (const input of [
      { visitId: "не-uuid", attendance: "CAME" },
      { visitId, attendance: "MAYBE" },
      { visitId },
      { visitId, attendance: "CAME", markedByRnokpp: "1234567890" },
      null,
    ]) {
      const error = await refusal(markCentreVisit(ctxAs(officer, mondayNoon), input));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.message).toMatch(/[А-Яа-яІіЇїЄє]/);
    }

    for (const id of [visitId, cancelled.visitId]) {
      expect(
        await db.centreVisit.findUniqueOrThrow({
          where: { id },
          select: { attendance: true, markedAt: true, markedByRnokpp: true },
        }),
      ).toEqual({ attendance: null, markedAt: null, markedByRnokpp: null });
      expect(await marks(id)).toBe(0);
    }
  });
});
