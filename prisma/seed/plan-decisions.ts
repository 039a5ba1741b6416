// Which enterprises are critical and under which decisions: about a third of them, every
// limit category, most decisions in force, some expired, exactly one revoked. Dates respect
// Resolution 692: a decision made before 30.05.2026 ends by 01.09.2026 at the latest.

import { LIMIT_CATEGORIES, capDecisionEnd, limitOf, type LimitCategory } from "./data/criteria";
import { findSector, type Sector } from "./data/sectors";
import { ovaCodeFor } from "./data/authorities";
import { addDays, addMonths, daysBetween } from "./dates";
import { criteriaFor } from "./decision-criteria";
import type { EnterprisePlan } from "./generate-enterprises";
import type { WorldShape } from "./plan-sizes";
import type { Rng } from "./random";

export type DecisionDraft = {
  id: string;
  edrpou: string;
  authorityCode: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: LimitCategory;
  limitPercent: number;
  status: "ACTIVE" | "REVOKED";
  revokedAt: string | null;
  revocationReason: string | null;
};

export type CriticalPlan = {
  enterpriseIndex: number;
  category: LimitCategory;
  exempt: boolean;
  /** The decision in force today, if any: existing reservations are made under it. */
  inForce: DecisionDraft | null;
  /** The most recent decision that ended (expired or revoked) when none is in force. */
  ended: DecisionDraft | null;
  /** Share of the limit that reservations made through Дія already use. */
  fill: number;
  /** Chance that Дія reserved an employee who qualifies, while the limit lasts. */
  reach: number;
  drafts: DecisionDraft[];
};

export const REVOCATION_REASON =
  "За результатами перевірки: кількість заброньованих працівників перевищує ліміт бронювання (постанова КМУ від 30.05.2026 № 692)";

type Scenario = "active" | "expiring" | "expired" | "revoked";

export function planDecisions(
  rng: Rng,
  options: { enterprises: EnterprisePlan[]; sizes: number[]; today: string; shape?: WorldShape },
): Array<CriticalPlan | null> {
  const { enterprises, sizes, today } = options;
  const national = options.shape === "national";
  const chosen = chooseCritical(rng, enterprises, sizes, national);
  const categories = new Map<number, { category: LimitCategory; authorityCode: string }>();
  for (const index of chosen) categories.set(index, categoryFor(rng, enterprises[index]!));
  ensureEveryCategory(rng, enterprises, sizes, categories);

  const scenarios = assignScenarios(rng, enterprises, sizes, categories);
  const plans: Array<CriticalPlan | null> = enterprises.map(() => null);
  for (const [index, { category, authorityCode }] of categories) {
    const enterprise = enterprises[index]!;
    const scenario = scenarios.get(index)!;
    const { criteria, salaryExemption } = criteriaFor(rng, enterprise, category, authorityCode);
    const draft = (decidedOn: string, validUntil: string): DecisionDraft => ({
      id: rng.uuid(),
      edrpou: enterprise.edrpou,
      authorityCode,
      decidedOn,
      validFrom: decidedOn,
      validUntil,
      criteria,
      salaryExemption,
      limitCategory: category,
      limitPercent: limitOf(category, decidedOn).percent,
      status: "ACTIVE",
      revokedAt: null,
      revocationReason: null,
    });
    const [decidedOn, validUntil] = sampleDates(rng, today, scenario, enterprise.fixed !== null);
    const main = draft(decidedOn, validUntil);
    if (scenario === "revoked") {
      main.status = "REVOKED";
      main.revokedAt = `${addDays(decidedOn, rng.int(30, Math.max(30, daysBetween(decidedOn, today) - 1)))}T11:${String(rng.int(10, 59))}:00.000Z`;
      main.revocationReason = REVOCATION_REASON;
    }
    const drafts = [main];
    if (enterprise.fixed === "big" || rng.chance(0.25)) {
      const [earlierOn, earlierUntil] = sampleBefore(rng, decidedOn);
      if (earlierOn) drafts.unshift(draft(earlierOn, earlierUntil!));
    }
    const inForce = scenario === "active" || scenario === "expiring" ? main : null;
    plans[index] = {
      enterpriseIndex: index,
      category,
      exempt: salaryExemption !== null,
      inForce,
      ended: inForce ? null : main,
      // Nationally the deadline made every critical enterprise use nearly all of its limit.
      fill:
        enterprise.fixed === "big"
          ? 0.7
          : enterprise.fixed === "small"
            ? 1
            : national
              ? 0.95 + rng.next() * 0.05
              : 0.3 + rng.next() * 0.6,
      reach: national ? 0.97 : 0.85,
      drafts,
    };
  }
  return plans;
}

function chooseCritical(rng: Rng, enterprises: EnterprisePlan[], sizes: number[], national: boolean): Set<number> {
  const chosen = new Set<number>();
  for (const enterprise of enterprises)
    if (enterprise.fixed && enterprise.fixed !== "nonCritical") chosen.add(enterprise.index);
  // The demo: a third of the enterprises. The country: a quarter, the large ones far more
  // likely (energy, defence, transport employ thousands), so that they hold most of the jobs.
  const target = Math.round(enterprises.length / (national ? 4 : 3));
  // Weighted sampling without replacement (Efraimidis–Spirakis): smallest -ln(u)/w wins.
  const keyed = enterprises
    .filter((enterprise) => enterprise.fixed === null)
    .map((enterprise) => {
      const sector = findSector(enterprise.sectorKey);
      const size = sizes[enterprise.index]!;
      const weight =
        sector.criticalWeight *
        (enterprise.frontline ? 2.5 : 1) *
        (enterprise.diiaCity ? 1.5 : 1) *
        (national ? size ** 1.5 : size < 10 ? 0.3 : 1);
      return { index: enterprise.index, key: -Math.log(1 - rng.next()) / Math.max(weight, 1e-6) };
    })
    .sort((a, b) => a.key - b.key || a.index - b.index);
  for (const { index } of keyed) {
    if (chosen.size >= target) break;
    chosen.add(index);
  }
  return chosen;
}

function categoryFor(rng: Rng, enterprise: EnterprisePlan): { category: LimitCategory; authorityCode: string } {
  const sector = findSector(enterprise.sectorKey);
  const ova = ovaCodeFor(enterprise.region);
  if (enterprise.fixed === "ukrzaliznytsia") return { category: "UKRZALIZNYTSIA_80", authorityCode: "minrozvytku" };
  if (enterprise.fixed) return { category: "DEFAULT_50", authorityCode: "mineconomy" };
  if (sector.defence) {
    const category =
      sector.defence === "EITHER" ? (rng.chance(0.5) ? "DEFENCE_100" : "DRONE_WEAPONS_100") : sector.defence;
    return { category, authorityCode: "mod" };
  }
  if (sector.medical && (enterprise.ownership === "COMMUNAL" || enterprise.ownership === "STATE"))
    return { category: "MEDICAL_100", authorityCode: "moz" };
  if (enterprise.frontline && ova && !(sector.lifeSupport && rng.chance(0.4)))
    return { category: "FRONTLINE_100", authorityCode: ova };
  if (sector.lifeSupport) return { category: "LIFE_SUPPORT_75", authorityCode: rng.pick(sector.authorities) };
  if (ova && rng.chance(0.2)) return { category: "DEFAULT_50", authorityCode: ova };
  return { category: "DEFAULT_50", authorityCode: rng.pick(sector.authorities) };
}

/** Which categories an enterprise could hold, to top up a category the draw missed. */
function possibleCategories(enterprise: EnterprisePlan, sector: Sector): LimitCategory[] {
  const result: LimitCategory[] = ["DEFAULT_50"];
  if (sector.defence === "EITHER") result.push("DEFENCE_100", "DRONE_WEAPONS_100");
  else if (sector.defence) result.push(sector.defence);
  if (sector.medical && (enterprise.ownership === "COMMUNAL" || enterprise.ownership === "STATE"))
    result.push("MEDICAL_100");
  if (enterprise.frontline && ovaCodeFor(enterprise.region)) result.push("FRONTLINE_100");
  if (sector.lifeSupport) result.push("LIFE_SUPPORT_75");
  return result;
}

function ensureEveryCategory(
  rng: Rng,
  enterprises: EnterprisePlan[],
  sizes: number[],
  categories: Map<number, { category: LimitCategory; authorityCode: string }>,
) {
  for (const category of LIMIT_CATEGORIES) {
    // Two of each, so that one can expire and one stay in force.
    const needed = category === "UKRZALIZNYTSIA_80" ? 1 : 2;
    let have = [...categories.values()].filter((entry) => entry.category === category).length;
    const candidates = enterprises.filter(
      (e) =>
        e.fixed === null &&
        !categories.has(e.index) &&
        sizes[e.index]! >= 10 &&
        possibleCategories(e, findSector(e.sectorKey)).includes(category),
    );
    for (const enterprise of rng.shuffle(candidates)) {
      if (have >= needed) break;
      const sector = findSector(enterprise.sectorKey);
      const authorityCode =
        category === "FRONTLINE_100"
          ? ovaCodeFor(enterprise.region)!
          : category === "MEDICAL_100"
            ? "moz"
            : sector.defence
              ? "mod"
              : rng.pick(sector.authorities);
      categories.set(enterprise.index, { category, authorityCode });
      have++;
    }
  }
}

function assignScenarios(
  rng: Rng,
  enterprises: EnterprisePlan[],
  sizes: number[],
  categories: Map<number, { category: LimitCategory }>,
): Map<number, Scenario> {
  const scenarios = new Map<number, Scenario>();
  const inForce = new Map<LimitCategory, number>();
  for (const [index, { category }] of categories) {
    scenarios.set(index, "active");
    inForce.set(category, (inForce.get(category) ?? 0) + 1);
  }
  const generated = rng.shuffle(
    [...categories.keys()].filter((index) => enterprises[index]!.fixed === null).sort((a, b) => a - b),
  );
  const take = (index: number, scenario: Scenario) => {
    const { category } = categories.get(index)!;
    if (scenario === "expired" || scenario === "revoked") inForce.set(category, inForce.get(category)! - 1);
    scenarios.set(index, scenario);
  };
  // The revoked one is big enough to leave annulled reservations behind.
  const revoked =
    generated.find((index) => categories.get(index)!.category === "DEFAULT_50" && sizes[index]! >= 20) ?? generated[0];
  if (revoked !== undefined) take(revoked, "revoked");
  let expired = Math.round(generated.length * 0.1);
  for (const index of generated) {
    if (index === revoked) continue;
    const { category } = categories.get(index)!;
    if (expired > 0 && inForce.get(category)! > 1) {
      take(index, "expired");
      expired--;
    } else if (rng.chance(0.09)) {
      scenarios.set(index, "expiring");
    }
  }
  return scenarios;
}

function validUntilOf(decidedOn: string, months: number): string {
  return capDecisionEnd(decidedOn, addDays(addMonths(decidedOn, months), -1));
}

function sampleDates(rng: Rng, today: string, scenario: Scenario, fixed: boolean): [string, string] {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (fixed) {
      const decidedOn = addDays(today, -rng.int(45, 120));
      const validUntil = validUntilOf(decidedOn, 12);
      if (validUntil >= addDays(today, 60)) return [decidedOn, validUntil];
      continue;
    }
    const months = rng.weighted([
      [12, 8],
      [6, 2],
      [3, 1],
    ] as const);
    const decidedOn = addDays(today, -rng.int(scenario === "expired" ? 60 : 3, scenario === "expired" ? 700 : 330));
    const validUntil = validUntilOf(decidedOn, months);
    const ok =
      scenario === "expired"
        ? validUntil < addDays(today, -1)
        : scenario === "expiring"
          ? validUntil >= addDays(today, 3) && validUntil <= addDays(today, 29)
          : scenario === "revoked"
            ? validUntil > today && daysBetween(decidedOn, today) > 40
            : validUntil >= addDays(today, 30);
    if (ok) return [decidedOn, validUntil];
  }
  // Only for a `today` far from 2026, where Resolution 692 leaves no window: decide recently.
  const decidedOn = addDays(today, scenario === "expired" ? -400 : -41);
  return [decidedOn, validUntilOf(decidedOn, scenario === "expiring" ? 2 : 12)];
}

function sampleBefore(rng: Rng, nextDecidedOn: string): [string, string] | [null, null] {
  for (let attempt = 0; attempt < 100; attempt++) {
    const decidedOn = addDays(nextDecidedOn, -rng.int(200, 420));
    const validUntil = validUntilOf(decidedOn, 12);
    if (validUntil < nextDecidedOn) return [decidedOn, validUntil];
  }
  return [null, null];
}
