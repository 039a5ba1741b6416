import { KYIV_TIME_ZONE, kyivDate } from "@/lib/format/date";

const KYIV_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: KYIV_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Kyiv day and wall-clock "HH:MM" of an instant: a slot is in the past by Kyiv time. */
export function kyivNow(instant: Date): { day: string; time: string } {
  return { day: kyivDate(instant), time: KYIV_CLOCK.format(instant) };
}
