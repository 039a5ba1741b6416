import { addDays, addYears, minDate } from "@/lib/rules";
import type { EvodSnapshot } from "./snapshot";

/**
 * The last day an еВОД issued today is valid: at most a year (the day before the anniversary),
 * and never beyond the reservation or deferment it shows — after those end, the document would
 * claim a protection the person no longer has.
 */
export function evodValidUntil(today: string, snapshot: Pick<EvodSnapshot, "reservation" | "military">): string {
  const caps = [addDays(addYears(today, 1), -1)];
  if (snapshot.reservation) caps.push(snapshot.reservation.untilDate);
  const deferment = snapshot.military?.defermentUntil;
  if (deferment && deferment >= today) caps.push(deferment);
  return minDate(caps[0]!, ...caps.slice(1));
}
