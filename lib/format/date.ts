// Dates for people: дд.мм.рррр. A calendar date (a reservation's end, a birth date) is a
// "YYYY-MM-DD" string or a Date at UTC midnight as Prisma returns @db.Date columns; it has no
// time zone and must not shift by a day in the browser. An instant (createdAt, a signing time)
// is shown in Kyiv time, whatever the server's or the browser's zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const KYIV_TIME_ZONE = "Europe/Kyiv";

/** "2026-09-01" or a @db.Date value → "01.09.2026". */
export function formatDate(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("invalid Date");
    return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return `${match[3]}.${match[2]}.${match[1]}`;
}

const KYIV_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: KYIV_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day of an instant in Kyiv, "YYYY-MM-DD": the rules decide on a Ukrainian day
 * whatever the server's zone (signed at 00:30 on 1 July Kyiv time is 1 July, not 30 June UTC).
 * The formatter is built once: the status API asks for today on every request.
 */
export function kyivDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid Date");
  return KYIV_DAY.format(instant);
}

/** The calendar date of an instant in Kyiv: "21.11.2026". */
export function formatInstantDate(instant: Date, timeZone = KYIV_TIME_ZONE): string {
  const p = kyivParts(instant, timeZone);
  return `${p.day}.${p.month}.${p.year}`;
}

/** An instant in Kyiv time: "21.11.2026 14:05". */
export function formatDateTime(instant: Date, timeZone = KYIV_TIME_ZONE): string {
  const p = kyivParts(instant, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

function kyivParts(instant: Date, timeZone: string) {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid Date");
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
