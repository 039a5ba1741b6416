import { kyivDate } from "@/lib/format";
import { addDays, isoDateToUtc } from "@/lib/rules";

// The calendar the journeys type dates in: Kyiv's day, as the portal judges appearance dates.

/** Today in Kyiv, YYYY-MM-DD. */
export const kyivToday = () => kyivDate(new Date());

/** The first day at least three days ahead whose weekday is one of `weekdays` (0 = Sunday); by default a working day. */
export function dayAhead(weekdays: number[] = [1, 2, 3, 4, 5]): string {
  let date = addDays(kyivToday(), 3);
  while (!weekdays.includes(isoDateToUtc(date).getUTCDay())) date = addDays(date, 1);
  return date;
}

/** YYYY-MM-DD as the portal prints it: DD.MM.YYYY. */
export const dmy = (iso: string) => iso.split("-").reverse().join(".");
