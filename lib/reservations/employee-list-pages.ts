import { isNeverReservable } from "@/lib/rules";
import type { EMPLOYEE_SORTS } from "./constants";
import type { EmployeeState, ModelRow } from "./employee-list-model";

// Pages of the employee list's model (employee-list-model.ts), cut without sorting or filtering
// the whole staff on every request: pure functions over an index built once per model (a model
// is immutable and cached), no I/O.
//
// Why: 16 directors of the largest enterprises paging at once (the company-employees benchmark
// at 10,000,000 persons, where several enterprises have tens of thousands of employees) spent
// most of the web process's CPU on the first sort of each order of each model (a comparator sort
// of 50,000 rows by hiring date takes about 60 ms) and on a filter pass over the whole staff for
// each new combination of filters. Now each order is sorted once per model, with the index, by
// packing (key, place in the name order) into one float and sorting a Float64Array,
// which needs no comparator; each single-choice filter (a state, eligibility, a refusal reason,
// the military-liable) is a bucket filled in one pass; and a page in another order is cut from
// the matching rows without sorting them all. The index is not counted in the version cache's
// row budget (it holds references to the model's rows, about eight per row).

export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];
type KeyedSort = Exclude<EmployeeSort, "name" | "-name">;
type SortKey = "salary" | "reservedUntil" | "hiredOn";

/** The choices of a list request that select rows (the search aside). */
export type RowFilter = {
  eligible?: boolean;
  militaryLiable?: boolean;
  reason?: string;
  state?: EmployeeState;
};

type ModelIndex = {
  orders: Map<KeyedSort, readonly ModelRow[]>;
  /** Each in name order. */
  byState: Map<EmployeeState, ModelRow[]>;
  byEligible: Map<boolean, ModelRow[]>;
  byReason: Map<string, ModelRow[]>;
  liable: ModelRow[];
  /** Filtered results by filter, the least recently used first. */
  filtered: Map<string, readonly ModelRow[]>;
};

/** Filtered results kept per model. */
const MEMOIZED_PER_MODEL = 64;
const indexes = new WeakMap<readonly ModelRow[], ModelIndex>();

function indexOf(rows: readonly ModelRow[]): ModelIndex {
  let index = indexes.get(rows);
  if (index) return index;
  const byState = new Map<EmployeeState, ModelRow[]>();
  const byEligible = new Map<boolean, ModelRow[]>([
    [true, []],
    [false, []],
  ]);
  const byReason = new Map<string, ModelRow[]>();
  const liable: ModelRow[] = [];
  for (const row of rows) {
    push(byState, row.state, row);
    // "reserved" is asked with the expiring ones (at most 30 days left) in it.
    if (row.state === "expiring") push(byState, "reserved", row);
    byEligible.get(row.eligible)!.push(row);
    // A person refused twice for one reason is in its bucket once.
    for (const code of new Set(row.reasons.map((reason) => reason.code))) push(byReason, code, row);
    if (!isNeverReservable(row.reasons)) liable.push(row);
  }
  index = {
    // Each order when first asked for (a comparator-free sort: 1–2 ms for 10,000 rows, 8–13 ms
    // for 50,000). Sorting all of them with the index put six sorts on every new version of a
    // model, most never asked for: at the deadline-day peak, where every decision makes a new
    // version, that was 2–3 % of the web process's CPU (docs/performance.md).
    orders: new Map(),
    byState,
    byEligible,
    byReason,
    liable,
    filtered: new Map(),
  };
  indexes.set(rows, index);
  return index;
}

function push<K>(map: Map<K, ModelRow[]>, key: K, row: ModelRow): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(row);
  else map.set(key, [row]);
}

/** Whether a row passes the filter (the search aside). */
export function passes(row: ModelRow, filter: RowFilter): boolean {
  return (
    (filter.eligible === undefined || row.eligible === filter.eligible) &&
    (!filter.militaryLiable || !isNeverReservable(row.reasons)) &&
    (filter.reason === undefined || row.reasons.some((r) => r.code === filter.reason)) &&
    (filter.state === undefined ||
      row.state === filter.state ||
      (filter.state === "reserved" && row.state === "expiring"))
  );
}

/**
 * The model's rows that pass the filter, in name order: the smallest bucket of the filter's
 * choices, narrowed by the rest. Kept with the model (at most MEMOIZED_PER_MODEL filters).
 */
export function matchingInNameOrder(rows: readonly ModelRow[], filter: RowFilter): readonly ModelRow[] {
  // No choice made: every row, and no index needed.
  if (
    filter.eligible === undefined &&
    !filter.militaryLiable &&
    filter.reason === undefined &&
    filter.state === undefined
  )
    return rows;
  const index = indexOf(rows);
  const key = `${filter.eligible ?? ""}|${filter.militaryLiable ?? ""}|${filter.reason ?? ""}|${filter.state ?? ""}`;
  const kept = index.filtered.get(key);
  if (kept) {
    index.filtered.delete(key);
    index.filtered.set(key, kept);
    return kept;
  }
  const buckets: ReadonlyArray<readonly ModelRow[]> = [
    rows,
    ...(filter.eligible === undefined ? [] : [index.byEligible.get(filter.eligible)!]),
    ...(filter.militaryLiable ? [index.liable] : []),
    ...(filter.reason === undefined ? [] : [index.byReason.get(filter.reason) ?? []]),
    ...(filter.state === undefined ? [] : [index.byState.get(filter.state) ?? []]),
  ];
  const smallest = buckets.reduce((a, b) => (b.length < a.length ? b : a));
  const result = buckets.length === 2 ? smallest : smallest.filter((row) => passes(row, filter));
  if (index.filtered.size >= MEMOIZED_PER_MODEL) index.filtered.delete(index.filtered.keys().next().value!);
  index.filtered.set(key, result);
  return result;
}

/** The model's rows in the requested order. The model is in name order already. */
export function inOrder(rows: readonly ModelRow[], sort: EmployeeSort): readonly ModelRow[] {
  if (sort === "name") return rows;
  if (sort === "-name") return [...rows].reverse();
  const { orders } = indexOf(rows);
  let sorted = orders.get(sort);
  if (!sorted) {
    sorted = sortedBy(rows, sort);
    orders.set(sort, sorted);
  }
  return sorted;
}

/**
 * One page of the matching rows (`byName`: the rows that match, in name order) in the requested
 * order: name orders are slices; a few matching rows are sorted on their own; many are taken
 * from the model's order until the page is full. Ties keep the name order either way.
 */
export function pageInOrder(
  rows: readonly ModelRow[],
  byName: readonly ModelRow[],
  sort: EmployeeSort,
  start: number,
  size: number,
  matches: (row: ModelRow) => boolean,
): readonly ModelRow[] {
  if (sort === "name") return byName.slice(start, start + size);
  if (sort === "-name") {
    const end = Math.max(0, byName.length - start);
    return byName.slice(Math.max(0, end - size), end).reverse();
  }
  if (byName.length === rows.length) return inOrder(rows, sort).slice(start, start + size);
  if (byName.length * 16 <= rows.length) return sortedBy(byName, sort).slice(start, start + size);
  const page: ModelRow[] = [];
  let skipped = 0;
  for (const row of inOrder(rows, sort)) {
    if (!matches(row)) continue;
    if (skipped < start) skipped += 1;
    else if (page.push(row) === size) break;
  }
  return page;
}

/**
 * Rows (in name order) sorted by a key: empty values last whichever the direction, ties in name
 * order. Each row's key and place are packed into one float64 (key × 2^bits + place, exact below
 * 2^53) and the floats sorted natively; a key that does not fit falls back to a comparator sort.
 */
export function sortedBy(rows: readonly ModelRow[], sort: KeyedSort): ModelRow[] {
  const descending = sort.startsWith("-");
  const key = sort.replace(/^-/, "") as SortKey;
  const n = rows.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const empty = 2 ** 52 / scale - 1; // the largest packed key: empty values
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = numeric(rows[i]![key]);
    if (value === null) {
      packed[i] = empty * scale + i;
      continue;
    }
    if (!Number.isSafeInteger(value) || value < 0 || value >= empty) return [...rows].sort(byKey(key, descending));
    packed[i] = (descending ? empty - 1 - value : value) * scale + i;
  }
  packed.sort();
  const sorted = new Array<ModelRow>(n);
  for (let i = 0; i < n; i++) sorted[i] = rows[packed[i]! % scale]!;
  return sorted;
}

/** Salary in kopiykas as it is; a date YYYY-MM-DD as a number that orders like it. */
function numeric(value: number | string | null): number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? (Number(match[1]) * 13 + Number(match[2])) * 32 + Number(match[3]) : Number.NaN;
}

function byKey(key: SortKey, descending: boolean): (a: ModelRow, b: ModelRow) => number {
  const direction = descending ? -1 : 1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x < y ? -1 : 1);
  };
}
