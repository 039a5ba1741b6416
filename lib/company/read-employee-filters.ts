import "server-only";
import { parseEmployeeFilters, type EmployeeFilters } from "./employee-filters";
import { openText, sealText } from "@/lib/http/sealed-text";

/** The filters of an employee list's address, the sealed search text opened. */
export function readEmployeeFilters(params: Record<string, string | string[] | undefined>): EmployeeFilters {
  const filters = parseEmployeeFilters(params);
  const q = filters.s ? openText(filters.s)?.trim().slice(0, 100) : undefined;
  return q ? { ...filters, q } : { ...filters, q: undefined, s: undefined };
}

/** The search text as it may travel in an address. */
export function sealSearch(q: string | undefined): string | undefined {
  const text = q?.trim();
  return text ? sealText(text) : undefined;
}
