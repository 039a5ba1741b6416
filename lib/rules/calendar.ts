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

// Day numbers are counted from 1970-01-01 in the proleptic Gregorian calendar, as Date counts
// them, but with integer arithmetic (H. Hinnant's days_from_civil and civil_from_days) instead of
// Date objects: the rules engine converts dates for every employee it judges, and inside Next.js
// every `new Date` goes through Next's instrumented constructor (a CPU profile of the peak found
// it among the web process's hottest functions). Months and days out of range roll over as
// Date.UTC rolls them (the 31st of February is the 3rd of March); the unit tests compare both
// ways with Date across 1600–2400 and beyond.
function dayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return daysFromCivil(y, m, d);
}

function fromDayNumber(n: number): IsoDate {
  const [year, month, day] = civilFromDays(n);
  // Outside 0000–9999 the form is toISOString's, cut as it always was.
  if (year < 0 || year > 9999) return new Date(n * DAY_MS).toISOString().slice(0, 10);
  return format(year, month, day);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month and day may roll over, as in Date.UTC). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The [year, month, day] of a day number (days since 1970-01-01). */
export function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
