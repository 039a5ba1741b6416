// Counts for people: "10 000", "3 працівники". Browser-safe.
import { groupThousands } from "./money";

/** 10000 → "10 000"; integers only (counts, limits), negative allowed. */
export function formatNumber(value: number, options: { nonBreaking?: boolean } = {}): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  const digits = groupThousands(String(Math.abs(value)), options.nonBreaking ? "\u00a0" : " ");
  return value < 0 ? `-${digits}` : digits;
}

/**
 * The Ukrainian plural form for a count: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20,
 * 11–14, 25…). pluralUk(3, ["працівник", "працівники", "працівників"]) → "працівники".
 */
export function pluralUk(count: number, forms: readonly [one: string, few: string, many: string]): string {
  const n = Math.abs(Math.trunc(count));
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** "3 працівники", "11 працівників". */
export function formatCount(count: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(count)} ${pluralUk(count, forms)}`;
}
