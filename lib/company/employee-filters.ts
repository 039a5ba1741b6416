import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "@/lib/reservations/constants";
import { REASON_CODES, type ReasonCode } from "@/lib/rules";
import { z } from "@/lib/zod";

// The employee list's filters as they travel in the URL (shareable, the back button works)
// and into listEmployees. A value the list does not know is dropped rather than refused: a
// hand-edited link still opens the list. Pure and browser-safe. The search text never travels
// in the URL: it may be a РНОКПП, so the URL carries it sealed as `s` (readEmployeeFilters,
// server-side, opens it into `q`).

export const ZEmployeeFilters = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  s: z
    .string()
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
  state: z.enum(EMPLOYEE_STATES).optional().catch(undefined),
  eligible: z.enum(["yes", "no"]).optional().catch(undefined),
  /** "all": the whole staff; without it the lists open on the military-liable (a search looks through everyone). */
  who: z.enum(["all"]).optional().catch(undefined),
  reason: z.enum(REASON_CODES).optional().catch(undefined),
  sort: z.enum(EMPLOYEE_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type EmployeeFilters = z.output<typeof ZEmployeeFilters>;

/** Next's searchParams (first of repeated keys) → the filters. */
export function parseEmployeeFilters(params: Record<string, string | string[] | undefined>): EmployeeFilters {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  // A plain `q` in an address is ignored: search text arrives sealed (`s`) or through the form.
  const parsed = ZEmployeeFilters.parse({ ...first, q: undefined });
  return { ...parsed, q: undefined };
}

/** What listEmployees takes from the filters. */
export function toListInput(filters: EmployeeFilters): {
  q?: string;
  state?: (typeof EMPLOYEE_STATES)[number];
  eligible?: boolean;
  militaryLiable?: boolean;
  reason?: ReasonCode;
  sort?: (typeof EMPLOYEE_SORTS)[number];
  page: number;
} {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.eligible ? { eligible: filters.eligible === "yes" } : {}),
    ...(filters.who !== "all" && !filters.q ? { militaryLiable: true } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
    page: filters.page ?? 1,
  };
}

/** The filters as URL parameters (without the page), for links and pagination. */
export function filterParams(filters: EmployeeFilters): Record<string, string | undefined> {
  return {
    s: filters.q ? filters.s : undefined,
    state: filters.state,
    eligible: filters.eligible,
    who: filters.who,
    reason: filters.reason,
    sort: filters.sort,
  };
}

export function filtersQuery(filters: EmployeeFilters, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filterParams(filters), ...extra })) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** True when any filter narrows the list. */
export function isFiltered(filters: EmployeeFilters): boolean {
  return Boolean(filters.q || filters.state || filters.eligible || filters.reason);
}
