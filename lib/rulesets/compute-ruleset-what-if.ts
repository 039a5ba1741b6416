import "server-only";
import { Prisma } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/transaction";
import { registryFor } from "@/lib/registry";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { kvedSectionLabel, kvedSectionOf } from "@/lib/enterprises/kved-sections";
import {
  diffRulesets,
  enterpriseUnderRuleset,
  isLimitCategoryInForce,
  isoDateToUtc,
  limitRuleFor,
  newlyFailing,
  WHAT_IF_REASON_LABELS,
  WHAT_IF_REASONS,
  type DecisionFacts,
  type EnterpriseUnderRuleset,
  type LimitCategory,
  type OwnershipForm,
  type Ruleset,
  type WhatIfReason,
} from "@/lib/rules";
import { assessRulesetDraft } from "./assess-ruleset-draft";
import type { RulesetCtx } from "./ctx";
import { loadMethodologist } from "./load-methodologist";
import { ZRulesetDraft } from "./schemas";

// What a draft would change, over the whole registry, before anyone signs. Every active
// reservation is re-decided under the current version and under the draft with the engine's
// own pure rules (lib/rules/reservation-under-ruleset.ts): the salary threshold and the
// enterprise's exemption, its decision's criteria, the age limit, the maximum term, the 45-day
// exception, the decision caps; the limit is re-counted per enterprise. A reservation counts
// when it holds under the current version and fails under the draft. Read in batches of
// enterprises (the reservations of one batch at a time in memory); nothing is written.

export type WhatIfCounts = {
  /** Distinct reservations that would no longer be allowed, for any reason. */
  total: number;
  belowThreshold: number;
  beyondLimit: number;
  byReason: Record<WhatIfReason, number>;
};
export type WhatIfGroup = WhatIfCounts & { key: string; label: string };
export type RulesetWhatIf = WhatIfCounts & {
  activeReservations: number;
  enterprisesAffected: number;
  /** Every reason with its Ukrainian label and count, the limit included; reasons may overlap, the total does not. */
  reasons: Array<{ reason: WhatIfReason | "LIMIT"; label: string; count: number }>;
  bySector: WhatIfGroup[];
  byRegion: WhatIfGroup[];
  sample: Array<WhatIfCounts & { edrpou: string; name: string; region: string }>;
  comparedWith: string;
  /**
   * Every changed rule and whether the figures above measure it. Not counted: what applies only
   * to applications and decisions made from the version's date and cannot be re-decided for a
   * reservation that exists (annulment spacing, the extension window, the data-update date, the
   * exception's hiring window and frequency, the grace after a decision expires). Whether
   * mobilised employees count in the limit base is counted: the decision's military-liable count
   * plus or minus the enterprise's mobilised employees (Registry.countMobilisedInBase).
   */
  changes: Array<{ path: string; counted: boolean }>;
  ms: number;
};

const COUNTED =
  /^(mobilisedInLimitBase$|salary\.|salaryExemptions$|limits\.|criteria\.|ageLimit$|maxTermMonths$|decisionCaps$|exception45$|exception45\.(termDays|limitCategories|criteria)$)/;
/** Reservations read per batch (whole enterprises, so a batch may exceed it by one enterprise's). */
const BATCH = 50_000;

type EnterpriseRow = {
  edrpou: string;
  name: string;
  region: string;
  kved: string;
  ownership: OwnershipForm;
  stateShare: number;
  diiaCity: boolean;
  frontline: boolean;
  category: string | null;
  decidedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  limitCount: number | null;
  criteria: string[] | null;
  salaryExemption: string | null;
  militaryLiable: number | null;
  headcount: number | null;
  active: number;
};

type ReservationRow = {
  edrpou: string;
  fromDate: string;
  untilDate: string;
  birthDate: string | null;
  exception45: boolean;
  salary: number | null;
};

export async function computeRulesetWhatIf(ctx: RulesetCtx, input: unknown): Promise<RulesetWhatIf> {
  const draft = parseInput(ZRulesetDraft, input);
  await loadMethodologist(ctx, { permission: "rulesets.draft" });
  const { current, next } = await assessRulesetDraft(ctx, { draft, today: kyivDate(ctx.now) });
  return whatIf(ctx, { current: current.ruleset, next, today: kyivDate(ctx.now) });
}

/** The computation itself (the benchmark calls it directly). */
export async function whatIf(
  ctx: { db: DbClient },
  input: { current: Ruleset; next: Ruleset; today: string },
): Promise<RulesetWhatIf> {
  const { db } = ctx;
  const started = performance.now();
  const { current, next } = input;
  const today = isoDateToUtc(input.today);
  const registry = registryFor(db);
  const { relations } = registry;
  // Whether mobilised employees count in the base changes the base by their number: the
  // decision's military-liable count is taken as the base under the version in force.
  const mobilisedShift =
    next.mobilisedInLimitBase === current.mobilisedInLimitBase ? 0 : next.mobilisedInLimitBase ? 1 : -1;
  const enterprises = await db.$queryRaw<EnterpriseRow[]>(Prisma.sql`
    WITH active AS (
      SELECT edrpou, count(*)::int AS active FROM ${relations.reservationMarks}
      WHERE status = 'ACTIVE' AND "untilDate" >= ${today}::date GROUP BY edrpou
    ),
    decision AS (
      SELECT DISTINCT ON (edrpou) edrpou, "limitCategory"::text AS category, "decidedOn", "validFrom", "validUntil",
        "limitCount", criteria, "salaryExemption", "militaryLiableCount", headcount
      FROM critical_decisions
      WHERE status = 'ACTIVE' AND "validFrom" <= ${today}::date AND "validUntil" >= ${today}::date
        AND edrpou IN (SELECT edrpou FROM active)
      ORDER BY edrpou, "decidedOn" DESC
    )
    SELECT en.edrpou, en.name, en.region, en.kved, en.ownership::text AS ownership, en."stateShare"::float8 AS "stateShare",
      en."diiaCity", en.frontline, d.category, d."decidedOn"::text AS "decidedOn", d."validFrom"::text AS "validFrom",
      d."validUntil"::text AS "validUntil", d."limitCount", d.criteria, d."salaryExemption",
      d."militaryLiableCount" AS "militaryLiable", d.headcount, a.active
    FROM active a JOIN ${relations.enterprises} en ON en.edrpou = a.edrpou LEFT JOIN decision d ON d.edrpou = a.edrpou
    ORDER BY en.edrpou`);

  const total = emptyCounts();
  const sectors = new Map<string, WhatIfGroup>();
  const regions = new Map<string, WhatIfGroup>();
  const affected: RulesetWhatIf["sample"] = [];
  let activeReservations = 0;
  const rulesets = { current, next };

  for (let start = 0; start < enterprises.length;) {
    let end = start;
    for (let size = 0; end < enterprises.length && (end === start || size + enterprises[end]!.active <= BATCH); end++)
      size += enterprises[end]!.active;
    const batch = enterprises.slice(start, end);
    start = end;
    const rows = await db.$queryRaw<ReservationRow[]>(Prisma.sql`
      SELECT m.edrpou, m."fromDate"::text AS "fromDate", m."untilDate"::text AS "untilDate", p."birthDate"::text AS "birthDate",
        coalesce(r.exception45, false) AS exception45,
        (SELECT max(e.salary) * 100 FROM ${relations.employments} e
          WHERE e.rnokpp = m.rnokpp AND e.edrpou = m.edrpou AND e."startDate" <= ${today}::date
            AND (e."endDate" IS NULL OR e."endDate" >= ${today}::date))::float8 AS salary
      FROM ${relations.reservationMarks} m
      LEFT JOIN ${relations.persons} p ON p.rnokpp = m.rnokpp
      LEFT JOIN reservations r ON r."activeRnokpp" = m.rnokpp AND r.edrpou = m.edrpou
      WHERE m.edrpou = ANY(${batch.map((e) => e.edrpou)}::bpchar[]) AND m.status = 'ACTIVE' AND m."untilDate" >= ${today}::date`);
    const mobilised =
      mobilisedShift === 0
        ? new Map<string, number>()
        : await registry.countMobilisedInBase({
            edrpous: batch.filter((e) => e.category !== null).map((e) => e.edrpou),
            today: input.today,
            ageLimit: current.ageLimit,
          });
    const byEnterprise = new Map<string, ReservationRow[]>();
    for (const row of rows) {
      const list = byEnterprise.get(row.edrpou) ?? [];
      list.push(row);
      byEnterprise.set(row.edrpou, list);
    }

    for (const enterprise of batch) {
      activeReservations += enterprise.active;
      const facts = { enterprise, decision: decisionFacts(enterprise) };
      const under = { current: enterpriseUnderRuleset(facts, current), next: enterpriseUnderRuleset(facts, next) };
      const counts = countEnterprise(
        enterprise,
        byEnterprise.get(enterprise.edrpou) ?? [],
        under,
        rulesets,
        mobilisedShift * (mobilised.get(enterprise.edrpou) ?? 0),
      );
      if (counts.total === 0 && counts.beyondLimit === 0) continue;
      addCounts(total, counts);
      affected.push({ edrpou: enterprise.edrpou, name: enterprise.name, region: enterprise.region, ...counts });
      const section = kvedSectionOf(enterprise.kved);
      addTo(sectors, section ?? "?", section ? `${section} — ${kvedSectionLabel(section)}` : "Невідома галузь", counts);
      addTo(regions, enterprise.region, enterprise.region, counts);
    }
  }

  const byImpact = (a: WhatIfCounts, b: WhatIfCounts) => b.total - a.total || b.beyondLimit - a.beyondLimit;
  return {
    ...total,
    activeReservations,
    enterprisesAffected: affected.length,
    reasons: [
      ...WHAT_IF_REASONS.map((reason) => ({
        reason,
        label: WHAT_IF_REASON_LABELS[reason],
        count: total.byReason[reason],
      })),
      { reason: "LIMIT" as const, label: WHAT_IF_REASON_LABELS.LIMIT, count: total.beyondLimit },
    ],
    bySector: [...sectors.values()].sort(byImpact),
    byRegion: [...regions.values()].sort(byImpact),
    sample: affected.sort((a, b) => byImpact(a, b) || a.edrpou.localeCompare(b.edrpou)).slice(0, 10),
    comparedWith: current.version,
    changes: diffRulesets(current, next).map((d) => ({ path: d.path, counted: COUNTED.test(d.path) })),
    ms: Math.round(performance.now() - started),
  };
}

/**
 * One enterprise: each reservation re-decided under both versions; then the limit, over the
 * reservations that remain — beyond the draft's limit and not already beyond the current one.
 */
export function countEnterprise(
  enterprise: Pick<EnterpriseRow, "category" | "militaryLiable" | "headcount" | "active">,
  reservations: readonly ReservationRow[],
  under: { current: EnterpriseUnderRuleset; next: EnterpriseUnderRuleset },
  rulesets: { current: Ruleset; next: Ruleset },
  /** What the draft adds to (or takes from) the military-liable base: the mobilised employees. */
  baseShift = 0,
): WhatIfCounts {
  const counts = emptyCounts();
  let fallen = 0;
  for (const r of reservations) {
    const reasons = newlyFailing(r, under, rulesets);
    if (reasons.length === 0) continue;
    fallen++;
    for (const reason of reasons) counts.byReason[reason]++;
  }
  counts.belowThreshold = counts.byReason.SALARY;
  if (enterprise.category !== null) {
    const overCurrent = over(enterprise, enterprise.active, rulesets.current);
    const nextBase = { ...enterprise, militaryLiable: Math.max(0, (enterprise.militaryLiable ?? 0) + baseShift) };
    counts.beyondLimit = Math.max(0, over(nextBase, enterprise.active, rulesets.next) - overCurrent);
    // The total counts each reservation once: those the limit cuts beyond the ones already fallen.
    fallen += Math.max(0, over(nextBase, enterprise.active - fallen, rulesets.next) - overCurrent);
  }
  counts.total = fallen;
  return counts;
}

function decisionFacts(row: EnterpriseRow): DecisionFacts | null {
  if (row.category === null) return null;
  return {
    status: "ACTIVE",
    decidedOn: row.decidedOn!,
    validFrom: row.validFrom!,
    validUntil: row.validUntil!,
    limitCategory: row.category as LimitCategory,
    limitCount: row.limitCount!,
    criteria: row.criteria ?? [],
    salaryExemption: row.salaryExemption,
  };
}

/** Reservations over the enterprise's limit under a ruleset (a category it no longer has: all of them). */
function over(
  row: Pick<EnterpriseRow, "category" | "militaryLiable" | "headcount">,
  active: number,
  ruleset: Ruleset,
): number {
  const category = row.category as LimitCategory;
  if (!isLimitCategoryInForce(category, ruleset)) return active;
  const rule = limitRuleFor(category, ruleset);
  const base = rule.base === "HEADCOUNT" ? (row.headcount ?? row.militaryLiable ?? 0) : (row.militaryLiable ?? 0);
  return Math.max(0, active - Math.floor((base * rule.percent) / 100));
}

function emptyCounts(): WhatIfCounts {
  return {
    total: 0,
    belowThreshold: 0,
    beyondLimit: 0,
    byReason: Object.fromEntries(WHAT_IF_REASONS.map((r) => [r, 0])) as Record<WhatIfReason, number>,
  };
}

function addCounts(into: WhatIfCounts, counts: WhatIfCounts) {
  into.total += counts.total;
  into.belowThreshold += counts.belowThreshold;
  into.beyondLimit += counts.beyondLimit;
  for (const reason of WHAT_IF_REASONS) into.byReason[reason] += counts.byReason[reason];
}

function addTo(map: Map<string, WhatIfGroup>, key: string, label: string, counts: WhatIfCounts) {
  const group = map.get(key) ?? { key, label, ...emptyCounts() };
  addCounts(group, counts);
  map.set(key, group);
}
