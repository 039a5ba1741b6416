// The one schema of a ruleset's content. The code's rulesets satisfy it (a unit test parses
// every one), a version signed into the database is parsed with it when it is drafted and every
// time it is read back, and the methodologist's draft is a patch over the current version that
// must produce content it accepts. Pure and browser-safe: the draft form checks with it too.
import { z } from "@/lib/zod";
import { isIsoDate } from "./calendar";
import { CRITERIA, SALARY_EXEMPTIONS, type CriterionCode, type SalaryExemptionCode } from "./criteria";
import { LIMIT_CATEGORIES, type LimitCategory } from "./enums";
import type { Ruleset } from "./rulesets";

const ZDay = z.string().refine(isIsoDate, "Дата має бути у форматі РРРР-ММ-ДД");
const count = (label: string) =>
  z
    .number({ error: `${label}: потрібне число` })
    .int(`${label}: потрібне ціле число`)
    .min(0, `${label}: не може бути від'ємним`);
const positive = (label: string) => count(label).min(1, `${label}: має бути більшим за нуль`);
const percent = (label: string) => count(label).max(100, `${label}: не може перевищувати 100 %`);
const criterionCodes = CRITERIA.map((c) => c.code) as [CriterionCode, ...CriterionCode[]];
const exemptionCodes = SALARY_EXEMPTIONS.map((e) => e.code) as [SalaryExemptionCode, ...SalaryExemptionCode[]];
const ZCategory = z.enum(LIMIT_CATEGORIES, { error: (issue) => `Невідома категорія ліміту: ${String(issue.input)}` });
const ZCriterion = z.enum(criterionCodes, { error: (issue) => `Невідомий критерій: ${String(issue.input)}` });

export const ZSalaryThreshold = z
  .object({
    minimumWage: positive("Мінімальна заробітна плата"),
    /** 250 = 2.5 × the minimum wage; a multiplier, so it may exceed 100. */
    multiplierPercent: positive("Кратність мінімальної заробітної плати").max(
      1000,
      "Кратність мінімальної заробітної плати: не більше 10",
    ),
    threshold: count("Поріг заробітної плати"),
  })
  .strict()
  .refine(
    (t) => t.threshold * 100 === t.minimumWage * t.multiplierPercent,
    "Поріг має дорівнювати мінімальній заробітній платі, помноженій на кратність",
  );

export const ZLimitRule = z
  .object({ percent: percent("Відсоток ліміту"), base: z.enum(["MILITARY_LIABLE", "HEADCOUNT"]) })
  .strict();

export const ZCriteriaRule = z
  .object({
    mandatory: z.array(ZCriterion),
    minAdditional: count("Мінімум додаткових критеріїв").max(
      criterionCodes.length,
      "Мінімум додаткових критеріїв: більше, ніж їх є",
    ),
    minTotal: positive("Мінімум критеріїв").max(criterionCodes.length, "Мінімум критеріїв: більше, ніж їх є"),
  })
  .strict()
  .refine((r) => new Set(r.mandatory).size === r.mandatory.length, {
    path: ["mandatory"],
    message: "Обов'язковий критерій указано двічі",
  })
  .refine((r) => r.mandatory.length + r.minAdditional <= criterionCodes.length, {
    path: ["minAdditional"],
    message: "Обов'язкових і додаткових критеріїв разом більше, ніж їх є",
  });

export const ZRuleset = z
  .object({
    version: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, "Версія: латинські літери, цифри й дефіси"),
    effectiveFrom: ZDay,
    title: z.string().trim().min(5, "Назва: щонайменше 5 символів").max(300),
    salary: z.object({ general: ZSalaryThreshold, frontline: ZSalaryThreshold }).strict(),
    salaryExemptions: z.array(z.enum(exemptionCodes)),
    limits: z
      .partialRecord(ZCategory, ZLimitRule)
      .refine((l) => l.DEFAULT_50 !== undefined, "Загальна категорія ліміту (DEFAULT_50) обов'язкова"),
    criteria: z.object({ general: ZCriteriaRule, byCategory: z.partialRecord(ZCategory, ZCriteriaRule) }).strict(),
    mobilisedInLimitBase: z.boolean(),
    annulmentSpacingDays: positive("Інтервал між заявами на анулювання").max(90).nullable(),
    ageLimit: positive("Граничний вік").min(18).max(70),
    maxTermMonths: positive("Максимальний строк бронювання").max(24),
    dataUpdateRequiredSince: ZDay,
    extensionWindowDays: count("Вікно продовження").max(365),
    decisionExpiryGraceWorkingDays: count("Строк для анулювання після закінчення рішення").max(60),
    decisionCaps: z.array(
      z.object({ decidedBefore: ZDay, endsNoLaterThan: ZDay, basis: z.string().min(1).max(300) }).strict(),
    ),
    exception45: z
      .object({
        termDays: positive("Строк винятку"),
        hiredWithinDays: positive("Працевлаштування не раніше ніж за"),
        onceInMonths: positive("Періодичність винятку"),
        limitCategories: z.array(ZCategory),
        criteria: z.array(ZCriterion),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const [category] of Object.entries(r.criteria.byCategory)) {
      if (r.limits[category as LimitCategory] === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["criteria", "byCategory", category],
          message: `Правило критеріїв для категорії ${category}, якої немає в лімітах`,
        });
    }
  });

/** Content read back from the database: parsed, never cast. */
export function parseRuleset(value: unknown): Ruleset {
  return ZRuleset.parse(value) as Ruleset;
}

// ── A draft: what the methodologist changes in the current version ──

/** A record by limit category; an unknown category is named in the message, not "unknown key". */
function byCategory<T extends z.ZodType>(value: T) {
  return z
    .record(z.string(), value)
    .superRefine((record, ctx) => {
      for (const key of Object.keys(record)) {
        if (!(LIMIT_CATEGORIES as readonly string[]).includes(key))
          ctx.addIssue({ code: "custom", path: [key], message: `Невідома категорія ліміту: ${key}` });
      }
    })
    .transform((record) => record as Partial<Record<LimitCategory, z.infer<T>>>);
}

export const ZRulesetChanges = z
  .object({
    salary: z
      .object({
        general: z
          .object({ minimumWage: positive("Мінімальна заробітна плата"), multiplierPercent: positive("Кратність") })
          .strict()
          .optional(),
        frontline: z
          .object({ minimumWage: positive("Мінімальна заробітна плата"), multiplierPercent: positive("Кратність") })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    limits: byCategory(ZLimitRule.nullable()).optional(),
    /** The usual criteria rule (categories without their own). */
    criteriaGeneral: ZCriteriaRule.optional(),
    criteriaByCategory: byCategory(ZCriteriaRule.nullable()).optional(),
    maxTermMonths: positive("Максимальний строк бронювання").max(24).optional(),
    ageLimit: positive("Граничний вік").min(18).max(70).optional(),
    extensionWindowDays: count("Вікно продовження").max(365).optional(),
    annulmentSpacingDays: positive("Інтервал між заявами на анулювання").max(90).nullable().optional(),
    exception45: z
      .object({
        termDays: positive("Строк винятку"),
        hiredWithinDays: positive("Працевлаштування не раніше ніж за"),
        onceInMonths: positive("Періодичність винятку"),
      })
      .strict()
      .nullable()
      .optional(),
    mobilisedInLimitBase: z.boolean().optional(),
  })
  .strict();
export type RulesetChanges = z.infer<typeof ZRulesetChanges>;

/** The next version: the current one with the changes applied. Validated by ZRuleset by the caller. */
export function applyRulesetChanges(
  base: Ruleset,
  head: { version: string; effectiveFrom: string; title: string },
  changes: RulesetChanges,
): Ruleset {
  const next: Ruleset = JSON.parse(JSON.stringify(base));
  Object.assign(next, head);
  // The 692 cap and others belong to the act that made them, not to every later version.
  next.decisionCaps = base.decisionCaps.map((c) => ({ ...c }));
  if (changes.salary?.general) next.salary.general = thresholdOf(changes.salary.general);
  if (changes.salary?.frontline) next.salary.frontline = thresholdOf(changes.salary.frontline);
  const limits: Record<string, unknown> = { ...next.limits };
  for (const [category, rule] of Object.entries(changes.limits ?? {})) {
    if (rule === null) delete limits[category];
    else limits[category] = rule;
  }
  next.limits = limits as Ruleset["limits"];
  const byCategory: Record<string, unknown> = { ...next.criteria.byCategory };
  for (const [category, rule] of Object.entries(changes.criteriaByCategory ?? {})) {
    if (rule === null) delete byCategory[category];
    else byCategory[category] = rule;
  }
  next.criteria = {
    general: changes.criteriaGeneral ?? next.criteria.general,
    byCategory: byCategory as Ruleset["criteria"]["byCategory"],
  };
  if (changes.maxTermMonths !== undefined) next.maxTermMonths = changes.maxTermMonths;
  if (changes.ageLimit !== undefined) next.ageLimit = changes.ageLimit;
  if (changes.extensionWindowDays !== undefined) next.extensionWindowDays = changes.extensionWindowDays;
  if (changes.annulmentSpacingDays !== undefined) next.annulmentSpacingDays = changes.annulmentSpacingDays;
  if (changes.mobilisedInLimitBase !== undefined) next.mobilisedInLimitBase = changes.mobilisedInLimitBase;
  if (changes.exception45 !== undefined) {
    next.exception45 =
      changes.exception45 === null
        ? null
        : {
            ...(base.exception45 ?? {
              limitCategories: ["DEFENCE_100", "DRONE_WEAPONS_100"],
              criteria: ["DEFENCE_CONTRACT", "DEFENCE_INNOVATION_GRANT", "ARMED_FORCES_SUPPLY"],
            }),
            ...changes.exception45,
          };
  }
  return next;
}

function thresholdOf(t: { minimumWage: number; multiplierPercent: number }) {
  // Integer kopiykas; a threshold that is not a whole kopiyka is refused by ZRuleset.
  return {
    minimumWage: t.minimumWage,
    multiplierPercent: t.multiplierPercent,
    threshold: Math.round((t.minimumWage * t.multiplierPercent) / 100),
  };
}

export type RulesetDiffEntry = { path: string; before: unknown; after: unknown };

/** Every leaf that differs, by dotted path ("salary.general.threshold"); version, date and title left out. */
export function diffRulesets(before: Ruleset, after: Ruleset): RulesetDiffEntry[] {
  const out: RulesetDiffEntry[] = [];
  walk(strip(before), strip(after), "", out);
  return out;
}

function strip(r: Ruleset) {
  const { version: _v, effectiveFrom: _e, title: _t, ...rest } = r;
  return rest as Record<string, unknown>;
}

function walk(a: unknown, b: unknown, path: string, out: RulesetDiffEntry[]) {
  const objects =
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b);
  if (objects) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
    for (const key of keys)
      walk(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
        out,
      );
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a ?? null, after: b ?? null });
}
