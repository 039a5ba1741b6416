// Employment as the Pension Fund sees it: a position from the sector's staff list and a
// monthly salary spread around the sector's level, with a share of salaries placed exactly on
// and around each salary threshold so that the rules are exercised on both sides of it.

import type { LegalForm, Sector } from "./data/sectors";
import { addDays, addYears, daysBetween, maxDate } from "./dates";
import type { EmploymentRow } from "./rows";
import type { Rng } from "./random";

export const MINIMUM_WAGE = 8_647;
export const THRESHOLD_EDGE_SALARIES = [19_999.99, 20_000, 21_617.49, 21_617.5, 25_940.99, 25_941, 25_941.01] as const;

export type JobInput = {
  rnokpp: string;
  edrpou: string;
  sector: Sector;
  legalForm: LegalForm | null;
  enterpriseRegisteredOn: string;
  birthDate: string;
  today: string;
  reportedOn: string;
  /** Salaries of critical, non-exempt enterprises sit higher: their average met the threshold. */
  salaryLift: boolean;
  mainJob: boolean;
  head?: boolean;
};

export function generateJob(rng: Rng, input: JobInput): EmploymentRow {
  const [position, factor] = input.head
    ? [headTitle(input.legalForm, input.sector), 2.6]
    : pickPosition(rng, input.sector);
  return {
    id: rng.uuid(),
    rnokpp: input.rnokpp,
    edrpou: input.edrpou,
    position,
    startDate: startDateOf(rng, input),
    endDate: null,
    salary: salaryOf(rng, input, factor),
    mainJob: input.mainJob,
    suspended: !input.head && rng.chance(0.01),
    reportedOn: input.reportedOn,
  };
}

/** A job the person left: it ended before today and is not counted as employment. */
export function generateEndedJob(rng: Rng, input: JobInput): EmploymentRow {
  const job = generateJob(rng, { ...input, head: false });
  const earliestEnd = addDays(job.startDate, 30);
  const latestEnd = addDays(input.today, -1);
  job.endDate =
    earliestEnd >= latestEnd ? latestEnd : addDays(earliestEnd, rng.int(0, daysBetween(earliestEnd, latestEnd)));
  if (job.startDate > job.endDate) job.startDate = addDays(job.endDate, -30);
  job.suspended = false;
  job.mainJob = true;
  return job;
}

function pickPosition(rng: Rng, sector: Sector): readonly [string, number] {
  const [title, factor] = rng.weighted(sector.positions.map((entry) => [entry, entry[2]] as const));
  return [title, factor];
}

function headTitle(form: LegalForm | null, sector: Sector): string {
  if (form === "ФГ") return "Голова фермерського господарства";
  if (form === "СВК") return "Голова правління";
  if (form === "РО") return "Настоятель";
  if (sector.medical) return "Генеральний директор";
  return form === "ДП" || form === "АТ" || form === "ПрАТ" ? "Генеральний директор" : "Директор";
}

function salaryOf(rng: Rng, input: JobInput, factor: number): number {
  if (input.mainJob && !input.head && rng.chance(0.04)) return rng.pick(THRESHOLD_EDGE_SALARIES);
  const level = input.salaryLift ? Math.max(input.sector.salaryMedian, 31_000) : input.sector.salaryMedian;
  let salary = level * factor * rng.logNormal(1, 0.3);
  if (!input.mainJob) salary *= 0.45;
  salary = Math.max(salary, input.mainJob ? MINIMUM_WAGE : MINIMUM_WAGE / 2);
  return rng.chance(0.6) ? Math.round(salary / 50) * 50 : Math.round(salary * 100) / 100;
}

function startDateOf(rng: Rng, input: JobInput): string {
  const latest = addDays(input.today, -1);
  const earliest = maxDate(maxDate(input.enterpriseRegisteredOn, addYears(input.birthDate, 18)), "1995-01-01");
  if (earliest >= latest) return latest;
  // Some hires are recent enough for the 45-day exception of Law 4630-IX.
  if (!input.head && rng.chance(0.03)) return maxDate(earliest, addDays(input.today, -rng.int(1, 44)));
  const span = daysBetween(earliest, latest);
  // Tenure is skewed towards the recent past: people change jobs.
  return addDays(latest, -Math.floor(span * Math.pow(rng.next(), 1.25)));
}

/** The Pension Fund report the registry last received: the 20th of this or last month. */
export function lastReportDate(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const reported = day >= 20 ? new Date(Date.UTC(year, month - 1, 20)) : new Date(Date.UTC(year, month - 2, 20));
  return reported.toISOString().slice(0, 10);
}
