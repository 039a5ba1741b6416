import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import type { Kopiykas } from "@/lib/format";
import { maskRnokpp, ZEdrpou } from "@/lib/identifiers";
import { decideApplication, employmentOn, REASON_CODES, daysBetween, type IsoDate, type LiabilityType, type RegistrationStatus } from "@/lib/rules";
import { z } from "@/lib/zod";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "./constants";
import { kyivDate } from "./kyiv-date";
import { loadApplicationFacts } from "./load-application-facts";
import { reasonViews } from "./reason-views";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { LimitFigures, ReasonView } from "./types";

// Every person the registries know to be employed at the enterprise today, with whether each
// could be reserved on their own — the rules engine run WITHOUT the limit (the list's order is
// a sort order, not a queue for slots) — and why not. One read-model over the registry (a few
// set-based queries for all employees), then the rules, filters, sort and page in memory: for
// the 10,000-employee enterprise that stays well inside the cabinet's 150 ms (see the bench).

export { EMPLOYEE_SORTS, EMPLOYEE_STATES };
export type EmployeeState = (typeof EMPLOYEE_STATES)[number];
export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

export const ZListEmployeesInput = z
  .object({
    edrpou: ZEdrpou,
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    eligible: z.boolean().optional(),
    /** Part of the name (any case) or the start of the РНОКПП. */
    q: z.string().trim().max(100).optional(),
    reason: z.enum(REASON_CODES).optional(),
    state: z.enum(EMPLOYEE_STATES).optional(),
    sort: z.enum(EMPLOYEE_SORTS).default("name"),
    /** Full РНОКПП (the HR API, a head's export); masked otherwise. */
    revealRnokpp: z.boolean().default(false),
  })
  .strict();

export type ListEmployeesOptions = { actor: Actor; now?: Date } & z.input<typeof ZListEmployeesInput>;

export type EmployeeRow = {
  /** Masked ("12******34") unless revealRnokpp. */
  rnokpp: string;
  fullName: string;
  birthDate: IsoDate;
  position: string | null;
  /** Monthly salary the registry reports for the current job. */
  salary: Kopiykas | null;
  hiredOn: IsoDate | null;
  militaryStatus: RegistrationStatus | null;
  liability: LiabilityType | null;
  eligible: boolean;
  reasons: ReasonView[];
  state: EmployeeState;
  /** End of the current reservation at this enterprise. */
  reservedUntil: IsoDate | null;
  /** Would be reserved only under the 45-day exception. */
  exception45: boolean;
};

export type EmployeeList = {
  items: EmployeeRow[];
  /** Rows matching the filters. */
  total: number;
  page: number;
  pageSize: number;
  date: IsoDate;
  limit: LimitFigures;
  /** Over the whole staff, whatever the filters: for the cabinet's summary. */
  counts: { employees: number; eligible: number; reserved: number };
};

const EXPIRING_DAYS = 30;
const collator = new Intl.Collator("uk", { sensitivity: "base" });

export async function listEmployees(options: ListEmployeesOptions): Promise<EmployeeList> {
  const { actor, now: at, ...rest } = options;
  const input = parseInput(ZListEmployeesInput, rest);
  const date = kyivDate(at ?? new Date());
  await resolveEnterpriseAccess(db, { actor, edrpou: input.edrpou, permission: "employees.read" });

  const loaded = await loadApplicationFacts(db, { edrpou: input.edrpou, date, employedOn: date });
  const outcome = decideApplication(loaded.facts, { applyLimit: false });
  const all = outcome.employees.map((decided): EmployeeRow & { fullRnokpp: string } => {
    const record = loaded.staff.get(decided.rnokpp)!;
    const employment = employmentOn(record.employments, date);
    const job = employment.employed ? employment.record : null;
    const here = loaded.marksHere.get(decided.rnokpp);
    const elsewhere = record.activeMarks.some((m) => m.edrpou !== input.edrpou && m.untilDate >= date);
    const state: EmployeeState = here
      ? daysBetween(date, here.untilDate) <= EXPIRING_DAYS ? "expiring" : "reserved"
      : elsewhere ? "reserved_elsewhere" : "not_reserved";
    return {
      fullRnokpp: decided.rnokpp,
      rnokpp: input.revealRnokpp ? decided.rnokpp : maskRnokpp(decided.rnokpp),
      fullName: record.person.fullName,
      birthDate: record.person.birthDate,
      position: job?.position ?? null,
      salary: job?.salaryKop ?? null,
      hiredOn: employment.employed ? employment.hiredOn : null,
      militaryStatus: record.person.military?.status ?? null,
      liability: record.person.military?.liability ?? null,
      eligible: decided.verdict === "RESERVE",
      reasons: reasonViews(decided.reasons),
      state,
      reservedUntil: here?.untilDate ?? null,
      exception45: decided.exception45?.applied === true,
    };
  });

  const q = input.q?.toLocaleLowerCase("uk");
  const matching = all.filter(
    (row) =>
      (input.eligible === undefined || row.eligible === input.eligible) &&
      (input.reason === undefined || row.reasons.some((r) => r.code === input.reason)) &&
      (input.state === undefined || row.state === input.state || (input.state === "reserved" && row.state === "expiring")) &&
      (!q || (/^\d+$/.test(q) ? row.fullRnokpp.startsWith(q) : row.fullName.toLocaleLowerCase("uk").includes(q))),
  );
  matching.sort(comparator(input.sort));
  const start = (input.page - 1) * input.pageSize;
  return {
    items: matching.slice(start, start + input.pageSize).map(({ fullRnokpp: _full, ...row }) => row),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
    date,
    limit: { total: outcome.limit.total, used: outcome.limit.usedBefore, available: outcome.limit.availableBefore },
    counts: {
      employees: all.length,
      eligible: all.filter((r) => r.eligible).length,
      reserved: all.filter((r) => r.state === "reserved" || r.state === "expiring").length,
    },
  };
}

type Row = EmployeeRow & { fullRnokpp: string };

function comparator(sort: EmployeeSort): (a: Row, b: Row) => number {
  const direction = sort.startsWith("-") ? -1 : 1;
  const key = sort.replace(/^-/, "") as "name" | "salary" | "reservedUntil" | "hiredOn";
  const byName = (a: Row, b: Row) => collator.compare(a.fullName, b.fullName) || a.fullRnokpp.localeCompare(b.fullRnokpp);
  if (key === "name") return (a, b) => direction * byName(a, b);
  // Empty values go last whichever the direction; ties fall back to the name.
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x < y ? -1 : 1);
  };
}
