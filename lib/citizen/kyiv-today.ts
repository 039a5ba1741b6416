// "Today" for the conscript's cabinet is the calendar day in Kyiv: a reservation that ends on
// 01.09 is still in force at 01:30 on 01.09 Kyiv time, whatever the server's zone says.

/** The calendar date "YYYY-MM-DD" of an instant in Kyiv. */
export function kyivToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
