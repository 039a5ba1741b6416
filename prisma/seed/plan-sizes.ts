// How many people each enterprise employs. The demo's big enterprise has exactly 10,000 (when
// the registry is large enough), Укрзалізниця a slice of its staff, the others 5 to a few
// hundred; together they employ about 60% of the people, so that every post can be filled.

import { DEMO_USERS } from "./demo-users";
import type { EnterprisePlan } from "./generate-enterprises";
import type { Rng } from "./random";

export const BIG_ENTERPRISE_SIZE = 10_000;
export const MIN_PERSONS = 10_000;
export const DEFAULT_PERSONS = 30_000;
const EMPLOYED_SHARE = 0.6;
const FIXED_SIZES = { small: 14, nonCritical: 25 } as const;

/** Enterprises grow with the registry: 300 for the default demo, one per 100 people beyond it. */
export function enterpriseCountFor(persons: number): number {
  return Math.max(300, Math.round(persons / 100));
}

/** Heads of the demo enterprises are demo users; every other enterprise gets a generated head. */
export function regularPersonCount(persons: number, enterprises: number): number {
  const demoHeaded = 3;
  return persons - DEMO_USERS.length - (enterprises - demoHeaded);
}

/** Active employees per enterprise, head included (indexed like `enterprises`). */
export function planSizes(rng: Rng, enterprises: EnterprisePlan[], persons: number): number[] {
  const slots = Math.round(regularPersonCount(persons, enterprises.length) * EMPLOYED_SHARE);
  const big = Math.min(BIG_ENTERPRISE_SIZE, Math.round(slots * 0.6));
  const railway = Math.min(1_500, Math.max(30, Math.round(slots * 0.02)));
  const sizes = enterprises.map(() => 0);
  let rest = slots - big - railway - FIXED_SIZES.small - FIXED_SIZES.nonCritical;
  const raw: number[] = [];
  for (const enterprise of enterprises) {
    if (enterprise.fixed === "big") sizes[enterprise.index] = big;
    else if (enterprise.fixed === "ukrzaliznytsia") sizes[enterprise.index] = railway;
    else if (enterprise.fixed === "small") sizes[enterprise.index] = FIXED_SIZES.small;
    else if (enterprise.fixed === "nonCritical") sizes[enterprise.index] = FIXED_SIZES.nonCritical;
    else raw[enterprise.index] = Math.min(800, Math.max(3, rng.logNormal(20, 1)));
  }
  rest = Math.max(rest, 0);
  const rawTotal = raw.reduce((sum, value) => sum + (value ?? 0), 0);
  for (const enterprise of enterprises) {
    if (enterprise.fixed) continue;
    sizes[enterprise.index] = Math.max(5, Math.round((raw[enterprise.index]! * rest) / rawTotal));
  }
  return sizes;
}
