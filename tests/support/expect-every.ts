import { expect } from "vitest";

/**
 * Every element passes `check`, and there is at least one element: `[].every(…)` is true, so
 * `expect(list.every(…)).toBe(true)` passes unseen when a query comes back empty. On failure
 * the message names the elements that fail, not just `false`.
 */
export function expectEvery<T>(
  list: readonly T[],
  check: (item: T, index: number) => boolean,
  what = "the list",
): void {
  expect(list.length, `${what} is empty`).toBeGreaterThan(0);
  expect(
    list.filter((item, index) => !check(item, index)),
    `${what}: the elements that fail`,
  ).toEqual([]);
}
