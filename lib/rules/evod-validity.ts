// How long an е-document (еВОД) issued today is valid. Pure; lib/evod issues and checks it.
import { addDays, addYears, minDate, type IsoDate } from "./calendar";

/** An еВОД is valid at most this many years from its issue (the day before the anniversary). */
export const EVOD_MAX_TERM_YEARS = 1;

/** What of the document's snapshot bounds its validity. */
export type EvodValidityFacts = {
  reservation: { untilDate: IsoDate } | null;
  military: { defermentUntil: IsoDate | null } | null;
};

/**
 * The last day an еВОД issued today is valid: at most a year (the day before the anniversary),
 * and never beyond the reservation or deferment it shows — after those end, the document would
 * claim a protection the person no longer has.
 */
export function evodValidUntil(today: IsoDate, snapshot: EvodValidityFacts): IsoDate {
  const caps = [addDays(addYears(today, EVOD_MAX_TERM_YEARS), -1)];
  if (snapshot.reservation) caps.push(snapshot.reservation.untilDate);
  const deferment = snapshot.military?.defermentUntil;
  if (deferment && deferment >= today) caps.push(deferment);
  return minDate(caps[0]!, ...caps.slice(1));
}
