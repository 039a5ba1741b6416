import { describe, expect, it } from "vitest";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "./constants";
import type { ModelRow } from "./employee-list-model";
import { inOrder, matchingInNameOrder, pageInOrder, sortedBy, type RowFilter } from "./employee-list-pages";

// Every page in every order and filter is what sorting and filtering the whole list gives, by a
// plain comparator sort and a plain filter written here (plainFilter) — whichever way the module cuts it
// (a slice, a small sort of the matching rows, a scan of the cached order, the packed-float sort
// or its comparator fallback).

/** A deterministic pseudo-random staff in name order, with ties, empty values and repeated reasons. */
function staff(n: number, seed = 7): ModelRow[] {
  let x = seed;
  const next = (m: number) => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31), x % m);
  return Array.from({ length: n }, (_, i): ModelRow => {
    const reasons = [
      ...(next(5) === 0 ? [{ code: "WANTED" }, { code: "WANTED" }] : []),
      ...(next(40) === 0 ? [{ code: "NOT_MILITARY_LIABLE" }] : []),
      ...(next(3) === 0 ? [{ code: "SALARY_BELOW_THRESHOLD" }] : []),
    ] as ModelRow["reasons"];
    const state = EMPLOYEE_STATES[next(4)]!;
    return {
      rnokpp: String(1_000_000_000 + i),
      fullName: `Особа ${String(i).padStart(6, "0")}`,
      search: `особа ${String(i).padStart(6, "0")}`,
      birthDate: "1990-01-01",
      position: null,
      salary: next(10) === 0 ? null : next(6) * 500_000,
      hiredOn: next(20) === 0 ? null : `20${10 + next(5)}-0${1 + next(3)}-1${next(2)}`,
      militaryStatus: "ON_REGISTER",
      liability: "LIABLE",
      eligible: reasons.length === 0,
      reasons,
      state,
      reservedUntil: state === "reserved" || state === "expiring" ? `2027-0${1 + next(2)}-01` : null,
      exception45: false,
    };
  });
}

function reference(rows: readonly ModelRow[], sort: (typeof EMPLOYEE_SORTS)[number]): ModelRow[] {
  if (sort === "name") return [...rows];
  if (sort === "-name") return [...rows].reverse();
  const key = sort.replace("-", "") as "salary" | "reservedUntil" | "hiredOn";
  const direction = sort.startsWith("-") ? -1 : 1;
  return [...rows].sort((a, b) =>
    a[key] === b[key] ? 0 : a[key] === null ? 1 : b[key] === null ? -1 : direction * (a[key]! < b[key]! ? -1 : 1),
  );
}

const FILTERS: RowFilter[] = [
  {},
  { eligible: true },
  { eligible: false },
  { reason: "WANTED" },
  { reason: "NOT_MILITARY_LIABLE" },
  { reason: "NO_SUCH_REASON" },
  { militaryLiable: true },
  { state: "reserved" },
  { state: "expiring" },
  { state: "reserved_elsewhere" },
  { eligible: true, state: "not_reserved" },
  { eligible: false, reason: "SALARY_BELOW_THRESHOLD", militaryLiable: true },
];

/** The filter's meaning, written out here rather than taken from the module. */
function plainFilter(row: ModelRow, f: RowFilter): boolean {
  const codes = row.reasons.map((r) => r.code);
  if (f.eligible !== undefined && row.eligible !== f.eligible) return false;
  if (f.militaryLiable && (codes.includes("NOT_MILITARY_LIABLE") || codes.includes("NOT_IN_REGISTRY"))) return false;
  if (f.reason !== undefined && !(codes as string[]).includes(f.reason)) return false;
  if (f.state === "reserved") return row.state === "reserved" || row.state === "expiring";
  return f.state === undefined || row.state === f.state;
}

describe("employee list pages", () => {
  const rows = staff(2_000);

  it("cuts every page of every filter in every order as sorting and filtering the whole list would", () => {
    let checked = 0;
    for (const filter of FILTERS) {
      const expectedByName = rows.filter((row) => plainFilter(row, filter));
      const byName = matchingInNameOrder(rows, filter);
      expect(byName).toEqual(expectedByName);
      expect(matchingInNameOrder(rows, filter)).toBe(byName); // kept with the model
      for (const sort of EMPLOYEE_SORTS) {
        const expected = reference(expectedByName, sort);
        for (const start of [0, 50, 150, 1_000, 1_990]) {
          const page = pageInOrder(rows, byName, sort, start, 50, (row) => plainFilter(row, filter));
          expect(page, `${JSON.stringify(filter)} ${sort} from ${start}`).toEqual(expected.slice(start, start + 50));
          checked += 1;
        }
      }
    }
    expect(checked).toBe(FILTERS.length * EMPLOYEE_SORTS.length * 5);
    // The filters reach every way of cutting a page: few matches, many, all, none.
    const sizes = FILTERS.map((f) => matchingInNameOrder(rows, f).length);
    expect(sizes).toContain(0);
    expect(sizes).toContain(rows.length);
    expect(sizes.some((n) => n > 0 && n * 16 <= rows.length)).toBe(true);
    expect(sizes.some((n) => n * 16 > rows.length && n < rows.length)).toBe(true);
  });

  it("sorts by packing the key and the place into floats, and falls back to a comparator for keys that do not fit", () => {
    for (const sort of EMPLOYEE_SORTS) expect(inOrder(rows, sort)).toEqual(reference(rows, sort));
    const odd = staff(300, 11).map((row, i) => ({
      ...row,
      salary: i % 7 === 0 ? 2 ** 60 : i % 11 === 0 ? -5 : row.salary,
      hiredOn: i % 13 === 0 ? "не дата" : row.hiredOn,
    }));
    for (const sort of ["salary", "-salary", "hiredOn", "-hiredOn"] as const)
      expect(sortedBy(odd, sort)).toEqual(reference(odd, sort));
    expect(sortedBy([], "salary")).toEqual([]);
  });

  it("sorts an order once, when it is first asked for, and needs nothing for the unfiltered list", () => {
    const fresh = staff(500, 3);
    // No choice made: the model's own rows, not a copy.
    expect(matchingInNameOrder(fresh, {})).toBe(fresh);
    const bySalary = inOrder(fresh, "-salary");
    expect(bySalary).toEqual(reference(fresh, "-salary"));
    expect(inOrder(fresh, "-salary")).toBe(bySalary);
    // Another model (a new version) sorts its own.
    const next = [...fresh];
    expect(inOrder(next, "-salary")).not.toBe(bySalary);
    expect(inOrder(next, "-salary")).toEqual(bySalary);
  });
});
