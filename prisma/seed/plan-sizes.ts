// How many people each enterprise employs. The demo's big enterprise has exactly 10,000 (when
// the registry is large enough), Укрзалізниця a slice of its staff, the others 5 to a few
// hundred; together they employ about 60% of the people, so that every post can be filled.

import { DEMO_USERS } from "./demo-users";
import type { EnterprisePlan } from "./generate-enterprises";
import type { Rng } from "./random";

export const BIG_ENTERPRISE_SIZE = 10_000;
export const MIN_PERSONS = 10_000;
export const DEFAULT_PERSONS = 30_000;

/** Named sizes for `npm run seed -- --scale <name>`. */
export const SCALES = { demo: DEFAULT_PERSONS, million: 1_000_000, national: 10_000_000 } as const;

/**
 * From this size on the country has its real shape: most enterprises under 50 people, hundreds
 * above 1,000, a few of 10,000–50,000; a quarter of them critical, holding most of the jobs.
 * Smaller registries keep the demo's shape (5 to a few hundred, a third critical).
 */
export const NATIONAL_SHAPE_FROM = 1_000_000;
export type WorldShape = "demo" | "national";
export function shapeFor(persons: number): WorldShape {
  return persons >= NATIONAL_SHAPE_FROM ? "national" : "demo";
}

/** Enterprises of 10,000–50,000 people in the national shape: one per 12,500 enterprises. */
const GIANTS_PER_ENTERPRISES = 12_500;
const GIANT_SIZE = [10_000, 50_000] as const;
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
export function planSizes(
  rng: Rng,
  enterprises: EnterprisePlan[],
  persons: number,
  shape: WorldShape = shapeFor(persons),
): number[] {
  if (shape === "national") return planNationalSizes(rng, enterprises, persons);
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

/**
 * The national shape: a log-normal body (median about 15, heavy tail, at most 5,000 before
 * scaling) plus a few giants, scaled so that the posts fill the employed share of the registry.
 */
function planNationalSizes(rng: Rng, enterprises: EnterprisePlan[], persons: number): number[] {
  const slots = Math.round(regularPersonCount(persons, enterprises.length) * EMPLOYED_SHARE);
  const sizes = enterprises.map(() => 0);
  const big = Math.min(BIG_ENTERPRISE_SIZE, Math.round(slots * 0.6));
  const railway = Math.min(1_500, Math.max(30, Math.round(slots * 0.02)));
  let rest = slots - big - railway - FIXED_SIZES.small - FIXED_SIZES.nonCritical;
  const generated = enterprises.filter((enterprise) => !enterprise.fixed);
  const giants = new Set(
    rng
      .shuffle(generated.map((enterprise) => enterprise.index))
      .slice(0, Math.max(1, Math.round(enterprises.length / GIANTS_PER_ENTERPRISES))),
  );
  const raw: number[] = [];
  for (const enterprise of enterprises) {
    if (enterprise.fixed === "big") sizes[enterprise.index] = big;
    else if (enterprise.fixed === "ukrzaliznytsia") sizes[enterprise.index] = railway;
    else if (enterprise.fixed === "small") sizes[enterprise.index] = FIXED_SIZES.small;
    else if (enterprise.fixed === "nonCritical") sizes[enterprise.index] = FIXED_SIZES.nonCritical;
    else if (giants.has(enterprise.index)) {
      // A giant takes at most a twentieth of the posts, so that a small registry keeps a body.
      sizes[enterprise.index] = Math.min(rng.int(GIANT_SIZE[0], GIANT_SIZE[1]), Math.round(rest / 20));
      rest -= sizes[enterprise.index]!;
    } else raw[enterprise.index] = Math.min(5_000, Math.max(1, rng.logNormal(12, 1.6)));
  }
  rest = Math.max(rest, 0);
  const rawTotal = raw.reduce((sum, value) => sum + (value ?? 0), 0);
  for (const enterprise of enterprises) {
    if (enterprise.fixed || giants.has(enterprise.index)) continue;
    sizes[enterprise.index] = Math.max(2, Math.round((raw[enterprise.index]! * rest) / rawTotal));
  }
  return sizes;
}
