import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import type { Kopiykas } from "@/lib/format";
import { maskRnokpp, ZEdrpou } from "@/lib/identifiers";
import { REASON_CODES, type IsoDate, type LiabilityType, type RegistrationStatus } from "@/lib/rules";
import { z } from "@/lib/zod";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "./constants";
import { loadEmployeeListModel, type EmployeeState, type ModelRow } from "./employee-list-model";
import { inOrder, matchingInNameOrder, pageInOrder, passes, type RowFilter } from "./employee-list-pages";
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
export type { EmployeeSort } from "./employee-list-pages";

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
  const filter: RowFilter = {
    eligible: input.eligible,
    militaryLiable: input.militaryLiable,
    reason: input.reason,
    state: input.state,
  };
  const start = (input.page - 1) * input.pageSize;
  let page: readonly ModelRow[];
  let total: number;
  if (q) {
    // A search is one pass over the rows in the requested order.
    const matching = inOrder(model.rows, input.sort).filter(
      (row) => passes(row, filter) && (byDigits ? row.rnokpp.startsWith(q) : row.search.includes(q)),
    );
    page = matching.slice(start, start + input.pageSize);
    total = matching.length;
  } else {
    // Without a search the matching rows depend on a few choices only: they are kept with the
    // model in name order, which gives the total, and a page in another order is cut from them.
    const byName = matchingInNameOrder(model.rows, filter);
    page = pageInOrder(model.rows, byName, input.sort, start, input.pageSize, (row) => passes(row, filter));
    total = byName.length;
  }

  return {
    items: page.map((row) => present(row, input.revealRnokpp)),
    total,
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
