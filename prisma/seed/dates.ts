// Calendar arithmetic on ISO dates ("YYYY-MM-DD") in UTC. The seed works with dates only:
// time zones never move a birth date or a decision's validity. The arithmetic is done on day
// numbers (Hinnant's civil-from-days), not Date objects: a million people need tens of millions
// of date steps, and Date#toISOString was most of the seed's time. The day numbers are the rules
// engine's (lib/rules/calendar.ts).
import { civilFromDays, daysFromCivil } from "@/lib/rules/calendar";

export type IsoDate = string;

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function split(value: IsoDate): [number, number, number] {
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Checks the format and the calendar (no 30 February); for external input. */
export function parseIsoDate(value: IsoDate): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`not an ISO date: ${value}`);
  const [year, month, day] = split(value);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    throw new RangeError(`not a calendar date: ${value}`);
  return new Date(Date.UTC(year, month - 1, day));
}

export function toIsoDate(date: Date): IsoDate {
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function toDayNumber(value: IsoDate): number {
  const [year, month, day] = split(value);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(days: number): IsoDate {
  const [year, month, day] = civilFromDays(days);
  return format(year, month, day);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Adds calendar months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const [year, month, day] = split(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Full years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = split(birthDate);
  const [y, m, d] = split(day);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Today's date in Kyiv, the calendar the registry keeps. */
export function todayInKyiv(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Kyiv",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
