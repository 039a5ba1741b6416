import "server-only";
import { Prisma, type DbTx } from "@/lib/db/client";
import { registryFor } from "@/lib/registry";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { kvedSectionLabel, kvedSectionOf } from "@/lib/enterprises/kved-sections";
import {
  diffRulesets,
  isLimitCategoryInForce,
  isoDateToUtc,
  limitRuleFor,
  type LimitCategory,
  type Ruleset,
} from "@/lib/rules";
import { assessRulesetDraft } from "./assess-ruleset-draft";
import type { RulesetCtx } from "./ctx";
import { loadMethodologist } from "./load-methodologist";
import { ZRulesetDraft } from "./schemas";

// What a draft would change, over the whole registry, before anyone signs: the active
// reservations whose salary would fall below the new threshold (it held under the current
// one, the enterprise has no salary exemption) and those beyond a lowered limit (over the new
// limit but not the current one), per sector and region, with the most affected enterprises.
// One read-only query grouped by enterprise; nothing is written.

export type WhatIfGroup = { key: string; label: string; belowThreshold: number; beyondLimit: number };
export type RulesetWhatIf = {
  activeReservations: number;
  belowThreshold: number;
  beyondLimit: number;
  enterprisesAffected: number;
  bySector: WhatIfGroup[];
  byRegion: WhatIfGroup[];
  sample: Array<{ edrpou: string; name: string; region: string; belowThreshold: number; beyondLimit: number }>;
  comparedWith: string;
  /**
   * Every changed rule and whether the figures above measure it: the salary thresholds and the
   * limits are counted over the active reservations; the others (criteria, terms, age, the
   * exception, annulment spacing, the limit base) apply to the decisions and applications made
   * from the version's date, and are listed so that the methodologist sees what is not counted.
   */
  changes: Array<{ path: string; counted: boolean }>;
  ms: number;
};

const COUNTED = /^(salary\.|limits\.)/;

type Row = {
  edrpou: string;
  name: string;
  region: string;
  kved: string;
  category: string | null;
  militaryLiable: number | null;
  headcount: number | null;
  exempt: boolean;
  active: number;
  belowNew: number;
};

export async function computeRulesetWhatIf(ctx: RulesetCtx, input: unknown): Promise<RulesetWhatIf> {
  const draft = parseInput(ZRulesetDraft, input);
  await loadMethodologist(ctx.db, ctx.actor, "rulesets.draft");
  const { current, next } = await assessRulesetDraft(ctx.db, { draft, today: kyivDate(ctx.now) });
  return whatIf(ctx.db, { current: current.ruleset, next, today: kyivDate(ctx.now) });
}

/** The computation itself (the benchmark calls it directly). */
export async function whatIf(
  db: DbTx,
  input: { current: Ruleset; next: Ruleset; today: string },
): Promise<RulesetWhatIf> {
  const started = performance.now();
  const { current, next } = input;
  const today = isoDateToUtc(input.today);
  const { relations } = registryFor(db);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH marks AS (
      SELECT rm.edrpou, rm.rnokpp FROM ${relations.reservationMarks} rm
      WHERE rm.status = 'ACTIVE' AND rm."untilDate" >= ${today}::date
    ),
    decision AS (
      SELECT DISTINCT ON (edrpou) edrpou, "limitCategory"::text AS category, "militaryLiableCount", headcount, "salaryExemption"
      FROM critical_decisions
      WHERE status = 'ACTIVE' AND "validFrom" <= ${today}::date AND "validUntil" >= ${today}::date
      ORDER BY edrpou, "decidedOn" DESC
    ),
    salary AS (
      SELECT m.edrpou, m.rnokpp, max(e.salary) * 100 AS kopiykas
      FROM marks m
      LEFT JOIN ${relations.employments} e ON e.rnokpp = m.rnokpp AND e.edrpou = m.edrpou
        AND e."startDate" <= ${today}::date AND (e."endDate" IS NULL OR e."endDate" >= ${today}::date)
      GROUP BY m.edrpou, m.rnokpp
    ),
    enterprise AS (
      SELECT en.edrpou, en.name, en.region, en.kved, d.category, d."militaryLiableCount", d.headcount,
        (d."salaryExemption" IS NOT NULL OR en.ownership IN ('STATE', 'COMMUNAL', 'RELIGIOUS') OR en."stateShare" > 50 OR en."diiaCity") AS exempt,
        (en.frontline OR d.category = 'FRONTLINE_100') AS frontline
      FROM ${relations.enterprises} en LEFT JOIN decision d ON d.edrpou = en.edrpou
      WHERE en.edrpou IN (SELECT DISTINCT edrpou FROM marks)
    )
    SELECT x.edrpou, x.name, x.region, x.kved, x.category, x."militaryLiableCount" AS "militaryLiable", x.headcount, x.exempt,
      count(*)::int AS active,
      count(*) FILTER (WHERE NOT x.exempt AND s.kopiykas IS NOT NULL
        AND s.kopiykas < CASE WHEN x.frontline THEN ${next.salary.frontline.threshold}::numeric ELSE ${next.salary.general.threshold}::numeric END
        AND s.kopiykas >= CASE WHEN x.frontline THEN ${current.salary.frontline.threshold}::numeric ELSE ${current.salary.general.threshold}::numeric END)::int AS "belowNew"
    FROM salary s JOIN enterprise x ON x.edrpou = s.edrpou
    GROUP BY x.edrpou, x.name, x.region, x.kved, x.category, x."militaryLiableCount", x.headcount, x.exempt`);

  const sectors = new Map<string, WhatIfGroup>();
  const regions = new Map<string, WhatIfGroup>();
  const affected: RulesetWhatIf["sample"] = [];
  let activeReservations = 0;
  let belowThreshold = 0;
  let beyondLimit = 0;
  for (const row of rows) {
    activeReservations += row.active;
    const beyond = row.category ? Math.max(0, over(row, next) - over(row, current)) : 0;
    belowThreshold += row.belowNew;
    beyondLimit += beyond;
    if (row.belowNew === 0 && beyond === 0) continue;
    affected.push({
      edrpou: row.edrpou,
      name: row.name,
      region: row.region,
      belowThreshold: row.belowNew,
      beyondLimit: beyond,
    });
    const section = kvedSectionOf(row.kved);
    add(
      sectors,
      section ?? "?",
      section ? `${section} — ${kvedSectionLabel(section)}` : "Невідома галузь",
      row.belowNew,
      beyond,
    );
    add(regions, row.region, row.region, row.belowNew, beyond);
  }
  const byImpact = (
    a: { belowThreshold: number; beyondLimit: number },
    b: { belowThreshold: number; beyondLimit: number },
  ) => b.belowThreshold + b.beyondLimit - (a.belowThreshold + a.beyondLimit);
  return {
    activeReservations,
    belowThreshold,
    beyondLimit,
    enterprisesAffected: affected.length,
    bySector: [...sectors.values()].sort(byImpact),
    byRegion: [...regions.values()].sort(byImpact),
    sample: affected.sort((a, b) => byImpact(a, b) || a.edrpou.localeCompare(b.edrpou)).slice(0, 10),
    comparedWith: current.version,
    changes: diffRulesets(current, next).map((d) => ({ path: d.path, counted: COUNTED.test(d.path) })),
    ms: Math.round(performance.now() - started),
  };
}

/** Reservations over the enterprise's limit under a ruleset (a category it no longer has: all of them). */
function over(row: Row, ruleset: Ruleset): number {
  const category = row.category as LimitCategory;
  if (!isLimitCategoryInForce(category, ruleset)) return row.active;
  const rule = limitRuleFor(category, ruleset);
  const base = rule.base === "HEADCOUNT" ? (row.headcount ?? row.militaryLiable ?? 0) : (row.militaryLiable ?? 0);
  return Math.max(0, row.active - Math.floor((base * rule.percent) / 100));
}

function add(map: Map<string, WhatIfGroup>, key: string, label: string, below: number, beyond: number) {
  const group = map.get(key) ?? { key, label, belowThreshold: 0, beyondLimit: 0 };
  group.belowThreshold += below;
  group.beyondLimit += beyond;
  map.set(key, group);
}
