import { beforeAll, describe, expect, it } from "vitest";
import { remindCentreVisits } from "@/lib/centres/remind-centre-visits";
import { createCtx } from "@/lib/context-server";
import { db } from "@/lib/db/client";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { createPerson, createRecruitmentCentre } from "@/prisma/seed/factories";

// The day-before reminder of visits to recruitment centres: tomorrow by the Kyiv calendar of
// ctx.now, booked visits only, each visit reminded once however many runs.

// Friday 4 December 2026, 11:00 in Kyiv (UTC+2).
const FRIDAY_NOON = new Date("2026-12-04T09:00:00Z");
// Sunday 6 December 2026, 23:30 in Kyiv (21:30 UTC).
const SUNDAY_2330_KYIV = new Date("2026-12-06T21:30:00Z");

let centre: { id: string; name: string };

async function visit(day: string, options: { status?: "BOOKED" | "CANCELLED"; time?: string } = {}) {
  const { rnokpp } = await createPerson(db, {});
  const status = options.status ?? "BOOKED";
  await db.centreVisit.create({
    data: {
      centreId: centre.id,
      rnokpp,
      fullName: "Тестовий Петро",
      day: isoDateToUtc(day),
      time: options.time ?? "10:00",
      purpose: "CONTRACT",
      status,
      openKey: status === "BOOKED" ? `${rnokpp}:${day}` : null,
      cancelledAt: status === "CANCELLED" ? FRIDAY_NOON : null,
      createdAt: new Date("2026-12-01T09:00:00Z"),
    },
  });
  return rnokpp;
}

const reminders = (rnokpp: string) =>
  db.notification.findMany({ where: { recipientRnokpp: rnokpp, kind: "centreVisit.reminder" } });

describe("the day-before reminder of visits to a recruitment centre", () => {
  beforeAll(async () => {
    const created = await createRecruitmentCentre(db, {});
    centre = await db.recruitmentCentre.findUniqueOrThrow({
      where: { id: created.id },
      select: { id: true, name: true },
    });
  });

  it("reminds tomorrow's booked visit exactly once after two runs; today's, the day after tomorrow's and a cancelled one get none", async () => {
    const tomorrow = await visit("2026-12-05", { time: "11:30" });
    const today = await visit("2026-12-04");
    const afterTomorrow = await visit("2026-12-06");
    const cancelled = await visit("2026-12-05", { status: "CANCELLED" });

    const first = await remindCentreVisits(createCtx({ actor: null, now: FRIDAY_NOON }));
    expect(first).toEqual({ day: "2026-12-05", reminded: 1 });
    const second = await remindCentreVisits(
      createCtx({ actor: null, now: new Date(FRIDAY_NOON.getTime() + 3_600_000) }),
    );
    expect(second).toEqual({ day: "2026-12-05", reminded: 0 });

    const [reminder, ...more] = await reminders(tomorrow);
    expect(more).toHaveLength(0);
    expect(reminder).toMatchObject({ title: "Нагадування про візит до рекрутингового центру", link: "/me/centres" });
    expect(reminder!.body).toContain("Нагадування: завтра, 05.12.2026, о 11:30 — візит до рекрутингового центру");
    expect(reminder!.body).toContain(centre.name);
    for (const rnokpp of [today, afterTomorrow, cancelled]) expect(await reminders(rnokpp)).toHaveLength(0);

    const marked = await db.centreVisit.findFirstOrThrow({ where: { rnokpp: tomorrow } });
    expect(marked.remindedAt).toEqual(FRIDAY_NOON);
    expect((await db.centreVisit.findFirstOrThrow({ where: { rnokpp: cancelled } })).remindedAt).toBeNull();
  });

  it("at 23:30 Kyiv time (21:30 UTC) counts tomorrow by the Kyiv date", async () => {
    // 21:30 UTC on Sunday 6 December is 23:30 in Kyiv: tomorrow is Monday the 7th there, and
    // the 7th is also the UTC date's tomorrow; at 22:30 UTC (00:30 Kyiv, Monday) it is the 8th.
    const monday = await visit("2026-12-07");
    const tuesday = await visit("2026-12-08");

    expect(await remindCentreVisits(createCtx({ actor: null, now: SUNDAY_2330_KYIV }))).toEqual({
      day: "2026-12-07",
      reminded: 1,
    });
    expect(await reminders(monday)).toHaveLength(1);
    expect(await reminders(tuesday)).toHaveLength(0);

    const mondayHalfPastMidnightKyiv = new Date("2026-12-06T22:30:00Z");
    expect(await remindCentreVisits(createCtx({ actor: null, now: mondayHalfPastMidnightKyiv }))).toEqual({
      day: "2026-12-08",
      reminded: 1,
    });
    expect(await reminders(tuesday)).toHaveLength(1);
  });
});
