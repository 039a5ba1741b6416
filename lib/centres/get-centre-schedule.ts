import "server-only";
import type { Ctx } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, parseInput } from "@/lib/errors";
import { addDays, isoDateToUtc } from "@/lib/rules/calendar";
import { BOOKING_HORIZON_DAYS, checkVisitSlot, slotsOn } from "@/lib/rules/visit-slots";
import { centreHours } from "./centre-hours";
import { kyivNow } from "./kyiv-clock";
import { ZScheduleQuery } from "./schemas";

export type ScheduleSlot = { time: string; free: number; bookable: boolean; reason: string | null };

export type CentreSchedule = {
  centre: {
    id: string;
    code: string;
    name: string;
    address: string;
    phone: string;
    opensAt: string;
    closesAt: string;
    slotMinutes: number;
    capacity: number;
  };
  /** The days a visit can be booked, from today to the horizon, on which the centre receives. */
  days: string[];
  day: string | null;
  slots: ScheduleSlot[];
};

/** One centre's bookable days and, for the chosen day, each slot with its free places. */
export async function getCentreSchedule(ctx: Ctx<"actor" | "db" | "now">, input: unknown): Promise<CentreSchedule> {
  assertCan(ctx.actor, "centres.book");
  const query = parseInput(ZScheduleQuery, input);
  const centre = await ctx.db.recruitmentCentre.findUnique({ where: { id: query.centreId } });
  if (!centre) throw new AppError("CENTRE_NOT_FOUND");
  const hours = centreHours(centre);
  const now = kyivNow(ctx.now);
  const days: string[] = [];
  for (let offset = 0; offset <= BOOKING_HORIZON_DAYS; offset++) {
    const day = addDays(now.day, offset);
    const slots = slotsOn(hours, day);
    if (slots.length > 0 && (day > now.day || slots.some((time) => time > now.time))) days.push(day);
  }
  const day = query.day && days.includes(query.day) ? query.day : (days[0] ?? null);
  let slots: ScheduleSlot[] = [];
  if (day) {
    const counts = await ctx.db.centreVisit.groupBy({
      by: ["time"],
      where: { centreId: centre.id, day: isoDateToUtc(day), status: "BOOKED" },
      _count: { _all: true },
    });
    const booked = new Map(counts.map((row) => [row.time, row._count._all]));
    slots = slotsOn(hours, day).map((time) => {
      const taken = booked.get(time) ?? 0;
      const check = checkVisitSlot(hours, { day, time, now, booked: taken });
      return {
        time,
        free: Math.max(0, centre.capacity - taken),
        bookable: check.ok,
        reason: check.ok ? null : check.message,
      };
    });
  }
  const { id, code, name, address, phone, opensAt, closesAt, slotMinutes, capacity } = centre;
  return { centre: { id, code, name, address, phone, opensAt, closesAt, slotMinutes, capacity }, days, day, slots };
}
