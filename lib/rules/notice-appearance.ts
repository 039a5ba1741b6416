// When a person may be told to appear: a future working day (Monday to Friday) within the ТЦК's
// working hours, Kyiv time. Pure: `today` is the forming day in Kyiv.
import { isoDateToUtc, type IsoDate } from "./calendar";

export const APPEARANCE_HOURS = { from: "08:00", until: "17:00" } as const;

export type AppearanceProblem = "APPEARANCE_IN_PAST" | "APPEARANCE_NOT_WORKING_DAY" | "APPEARANCE_OUTSIDE_HOURS";

export const APPEARANCE_PROBLEM_LABELS: Record<AppearanceProblem, string> = {
  APPEARANCE_IN_PAST: "Дата явки має бути пізнішою за сьогоднішню",
  APPEARANCE_NOT_WORKING_DAY: "Дата явки має припадати на робочий день (понеділок — п'ятниця)",
  APPEARANCE_OUTSIDE_HOURS: `Час явки має бути в робочі години ТЦК: з ${APPEARANCE_HOURS.from} до ${APPEARANCE_HOURS.until}`,
};

/** Problems with a date (YYYY-MM-DD) and time (HH:MM) to appear; empty when they are fine. */
export function checkAppearance(appear: { date: IsoDate; time: string }, today: IsoDate): AppearanceProblem[] {
  const problems: AppearanceProblem[] = [];
  if (appear.date <= today) problems.push("APPEARANCE_IN_PAST");
  const weekday = isoDateToUtc(appear.date).getUTCDay();
  if (weekday === 0 || weekday === 6) problems.push("APPEARANCE_NOT_WORKING_DAY");
  if (appear.time < APPEARANCE_HOURS.from || appear.time > APPEARANCE_HOURS.until)
    problems.push("APPEARANCE_OUTSIDE_HOURS");
  return problems;
}
