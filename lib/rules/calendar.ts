// Calendar dates for the rules engine. Every date the engine sees or returns is an ISO
// "YYYY-MM-DD" string: a day in Ukraine's civil calendar, with no time and no zone, so that
// "the decision ends on 01.09.2026" means the same thing on the server, in the worker and in
// the browser. Arithmetic goes through day numbers computed in UTC, where no day is 23 hours.
import { AppError } from "@/lib/errors";

/** A calendar date "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** Throws for anything that is not a real calendar date (a caller's bug, not a user's input). */
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new AppError("RULES_INVALID_FACTS", `${field}: очікується дата у форматі РРРР-ММ-ДД`, {
      details: { field, value: String(value) },
    });
  }
}

/** The calendar date of a Date read from a @db.Date column (UTC midnight). */
export function toIsoDate(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid Date");
  return date.toISOString().slice(0, 10);
}

/** A @db.Date value for Prisma: the date at UTC midnight. */
export function isoDateToUtc(date: IsoDate): Date {
  return new Date(dayNumber(date) * DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Adds calendar months; a day that the target month lacks becomes its last day
 * (31.01 + 1 month = 28.02 or 29.02), as Civil Code art. 254 counts terms in months.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Full years of age on a date; a 29 February birthday is reached on 28 February. */
export function fullYearsOn(birthDate: IsoDate, on: IsoDate): number {
  const years = parts(on)[0] - parts(birthDate)[0];
  return addYears(birthDate, years) <= on ? years : years - 1;
}

/**
 * Adds working days, counting Monday to Friday. Under martial law public holidays are not days
 * off (the Labour Code's art. 73 is suspended by Law 2136-IX), so no holiday calendar is kept.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("working days must be a non-negative integer");
  let n = dayNumber(date);
  for (let left = days; left > 0;) {
    n += 1;
    if (!isWeekend(n)) left -= 1;
  }
  return fromDayNumber(n);
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((a, b) => (b < a ? b : a), first);
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((a, b) => (b > a ? b : a), first);
}

function dayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Math.round(utc(y, m - 1, d) / DAY_MS);
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(n: number): boolean {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
