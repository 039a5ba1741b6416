// "Today" for the conscript's cabinet is the calendar day in Kyiv: a reservation that ends on
// 01.09 is still in force at 01:30 on 01.09 Kyiv time, whatever the server's zone says.
// The formatter is built once: constructing an Intl.DateTimeFormat costs more than using it,
// and the status API asks for today on every request.
const KYIV_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date "YYYY-MM-DD" of an instant in Kyiv. */
export function kyivToday(now: Date): string {
  return KYIV_DAY.format(now);
}
