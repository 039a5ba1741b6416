import type { IsoDate } from "@/lib/rules";

// The rules decide on a calendar day in Ukraine, whatever the server's time zone: the
// application signed at 00:30 Kyiv time on 1 July is decided for 1 July, not 30 June (UTC).

const KYIV_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit" });

export function kyivDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid Date");
  return KYIV_DAY.format(instant);
}
