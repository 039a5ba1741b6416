import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import type { Kopiykas } from "@/lib/format";
import { maskRnokpp, ZEdrpou } from "@/lib/identifiers";
import {
  isNeverReservable,
  REASON_CODES,
  type IsoDate,
  type LiabilityType,
  type RegistrationStatus,
} from "@/lib/rules";
import { z } from "@/lib/zod";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "./constants";
import { loadEmployeeListModel, type EmployeeState, type ModelRow } from "./employee-list-model";
import { reasonViews } from "./reason-views";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { LimitFigures, ReasonView } from "./types";
import { kyivDate } from "@/lib/format";

// Every person the registries know to be employed at the enterprise today, with whether each
// could be reserved on their own (the rules without the limit) and why not — for the company
// cabinet's list and GET /api/v1/enterprises/{edrpou}/employees. The whole staff is read and
// judged once per version of its data (employee-list-model.ts); a request filters, sorts and
// pages that model and words the reasons of its own page only.

export { EMPLOYEE_SORTS, EMPLOYEE_STATES };
export type { EmployeeState };
export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

export const ZListEmployeesInput = z
  .object({
    edrpou: ZEdrpou,
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    /** true: only those who could be reserved; false: only those who could not. */
    eligible: z.boolean().optional(),
    /** Part of the name (any case) or the start of the РНОКПП. */
    q: z.string().trim().max(100).optional(),
    /** true: only the military-liable on the register (the rules refuse neither as not in Оберіг nor as not military-liable). */
    militaryLiable: z.boolean().optional(),
    /** Only those refused with this reason code. */
    reason: z.enum(REASON_CODES).optional(),
    /** "reserved" includes "expiring" (at most 30 days left). */
    state: z.enum(EMPLOYEE_STATES).optional(),
    /** name (default), salary, reservedUntil, hiredOn; "-" for descending. */
    sort: z.enum(EMPLOYEE_SORTS).default("name"),
    /** Full РНОКПП (the HR API, a head's export); masked otherwise. */
    revealRnokpp: z.boolean().default(false),
  })
  .strict();

export type ListEmployeesInput = z.input<typeof ZListEmployeesInput>;

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

export async function listEmployees(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  raw: ListEmployeesInput,
): Promise<EmployeeList> {
  const input = parseInput(ZListEmployeesInput, raw);
  const date = kyivDate(ctx.now);
  await resolveEnterpriseAccess(ctx, { edrpou: input.edrpou, permission: "employees.read" });
  const model = await loadEmployeeListModel(ctx, { edrpou: input.edrpou, date });

  const q = input.q?.toLocaleLowerCase("uk");
  const byDigits = q !== undefined && /^\d+$/.test(q);
  const filtered = (rows: readonly ModelRow[]) =>
    rows.filter(
      (row) =>
        (input.eligible === undefined || row.eligible === input.eligible) &&
        (!input.militaryLiable || !isNeverReservable(row.reasons)) &&
        (input.reason === undefined || row.reasons.some((r) => r.code === input.reason)) &&
        (input.state === undefined ||
          row.state === input.state ||
          (input.state === "reserved" && row.state === "expiring")) &&
        (!q || (byDigits ? row.rnokpp.startsWith(q) : row.search.includes(q))),
    );
  // Filtering keeps the order, so the rows are taken in the requested order first. Without a
  // search the result depends on a few choices only, and is kept with the model.
  const matching = q
    ? filtered(inOrder(model.rows, input.sort))
    : memoized(
        model.rows,
        `${input.sort}|${input.eligible ?? ""}|${input.militaryLiable ?? ""}|${input.reason ?? ""}|${input.state ?? ""}`,
        () => filtered(inOrder(model.rows, input.sort)),
      );

  const start = (input.page - 1) * input.pageSize;
  return {
    items: matching.slice(start, start + input.pageSize).map((row) => present(row, input.revealRnokpp)),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
    date: model.date,
    limit: model.limit,
    counts: model.counts,
  };
}

function present(row: ModelRow, reveal: boolean): EmployeeRow {
  const { search: _search, reasons, rnokpp, ...rest } = row;
  return { ...rest, rnokpp: reveal ? rnokpp : maskRnokpp(rnokpp), reasons: reasonViews(reasons) };
}

// The model's rows in each requested order, and in each order and filter without a search,
// computed once per model (a model is immutable and cached), not once per request: for a
// 50,000-employee enterprise a sort costs tens of milliseconds of the web process's CPU and a
// filter pass a few, which 16 directors at once would queue behind (a CPU profile of that load
// found the filter's predicate the hottest function). At most MEMOIZED_PER_MODEL results a model.
const MEMOIZED_PER_MODEL = 24;
const derived = new WeakMap<readonly ModelRow[], Map<string, readonly ModelRow[]>>();

function memoized(rows: readonly ModelRow[], key: string, compute: () => readonly ModelRow[]): readonly ModelRow[] {
  let byModel = derived.get(rows);
  if (!byModel) derived.set(rows, (byModel = new Map()));
  let result = byModel.get(key);
  if (result) return result;
  result = compute();
  if (byModel.size >= MEMOIZED_PER_MODEL) byModel.delete(byModel.keys().next().value!);
  byModel.set(key, result);
  return result;
}

function inOrder(rows: readonly ModelRow[], sort: EmployeeSort): readonly ModelRow[] {
  // The model is in name order already; other orders are stable sorts on top of it.
  if (sort === "name") return rows;
  return memoized(rows, `order:${sort}`, () => (sort === "-name" ? [...rows].reverse() : [...rows].sort(byKey(sort))));
}

/** Empty values go last whichever the direction; ties keep the name order. */
function byKey(sort: Exclude<EmployeeSort, "name" | "-name">): (a: ModelRow, b: ModelRow) => number {
  const direction = sort.startsWith("-") ? -1 : 1;
  const key = sort.replace(/^-/, "") as "salary" | "reservedUntil" | "hiredOn";
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x < y ? -1 : 1);
  };
}
