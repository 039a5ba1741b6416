// Employment at the enterprise on a date, from the records the Pension Fund reports.
// A transfer inside the enterprise is one record ending and another starting by the next day:
// the person stays employed, and was hired when the first of those records began.
import { addDays, maxDate, type IsoDate } from "./calendar";
import type { EmploymentPeriod } from "./facts";

export type EmploymentOn<T extends EmploymentPeriod> =
  | { employed: true; record: T; hiredOn: IsoDate; suspended: boolean }
  | { employed: false; lastEndDate: IsoDate | null };

export function employmentOn<T extends EmploymentPeriod>(records: readonly T[], date: IsoDate): EmploymentOn<T> {
  const covering = records.filter((r) => r.startDate <= date && (r.endDate === null || r.endDate >= date));
  if (covering.length === 0) {
    const ended = records.map((r) => r.endDate).filter((d): d is IsoDate => d !== null && d < date);
    return { employed: false, lastEndDate: ended.length > 0 ? maxDate(ended[0]!, ...ended.slice(1)) : null };
  }
  // Two records on one day (e.g. a second position) are rare; prefer a working one, then the
  // most recent, so the choice never depends on anything but the facts.
  const record = [...covering].sort(
    (a, b) =>
      Number(a.suspended) - Number(b.suspended) || (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0),
  )[0]!;
  return { employed: true, record, hiredOn: continuousStart(records, record.startDate), suspended: record.suspended };
}

/** Walks back through records that end no earlier than the day before the current start. */
function continuousStart(records: readonly EmploymentPeriod[], start: IsoDate): IsoDate {
  let earliest = start;
  for (let changed = true; changed;) {
    changed = false;
    for (const r of records) {
      if (r.startDate < earliest && (r.endDate === null || r.endDate >= addDays(earliest, -1))) {
        earliest = r.startDate;
        changed = true;
      }
    }
  }
  return earliest;
}
