import { addDays, type IsoDate } from "./calendar";

// Visits to a recruitment centre: the slots of a day from the centre's hours, and whether a
// slot may be booked. Times are Kyiv wall-clock "HH:MM"; a day is an IsoDate. Pure: "now" is an
// argument (its Kyiv date and time), so a booking in the past is refused the same way everywhere.

export type CentreHours = {
  /** ISO weekdays the centre receives visitors: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  /** Visitors one slot takes. */
  capacity: number;
};

/** How far ahead a visit can be booked. */
export const BOOKING_HORIZON_DAYS = 30;

export const SLOT_REFUSALS = {
  PAST: "Цей час уже минув: оберіть пізніший",
  TOO_FAR: `Записатися можна не більш як на ${BOOKING_HORIZON_DAYS} днів наперед`,
  CLOSED: "У цей день центр не приймає відвідувачів",
  NOT_A_SLOT: "Такого часу запису немає в розкладі центру",
  FULL: "На цей час місць уже немає: оберіть інший",
} as const;
export type SlotRefusal = keyof typeof SLOT_REFUSALS;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;

/** ISO weekday of a day (1 = Monday). */
export function isoWeekday(day: IsoDate): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The start times of a day's slots; none on a day the centre is closed. */
export function slotsOn(hours: CentreHours, day: IsoDate): string[] {
  if (!hours.weekdays.includes(isoWeekday(day))) return [];
  const slots: string[] = [];
  for (
    let start = minutes(hours.opensAt);
    start + hours.slotMinutes <= minutes(hours.closesAt);
    start += hours.slotMinutes
  )
    slots.push(clock(start));
  return slots;
}

export function checkVisitSlot(
  hours: CentreHours,
  input: { day: IsoDate; time: string; now: { day: IsoDate; time: string }; booked: number },
): { ok: true } | { ok: false; reason: SlotRefusal; message: string } {
  const refuse = (reason: SlotRefusal) => ({ ok: false as const, reason, message: SLOT_REFUSALS[reason] });
  if (input.day < input.now.day || (input.day === input.now.day && input.time <= input.now.time)) return refuse("PAST");
  if (input.day > addDays(input.now.day, BOOKING_HORIZON_DAYS)) return refuse("TOO_FAR");
  const slots = slotsOn(hours, input.day);
  if (slots.length === 0) return refuse("CLOSED");
  if (!slots.includes(input.time)) return refuse("NOT_A_SLOT");
  if (input.booked >= hours.capacity) return refuse("FULL");
  return { ok: true };
}
