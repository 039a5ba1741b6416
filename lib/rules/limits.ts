// Reservation limit of a critical enterprise: a percentage of its military-liable employees as
// the decision states them, or of its whole headcount for the defence industry.
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { LIMIT_CATEGORIES, type LimitCategory } from "./enums";
import type { LimitBase, Ruleset } from "./rulesets";

export const LIMIT_CATEGORY_LABELS: Record<LimitCategory, string> = {
  DEFAULT_50: "Загальна: 50 % військовозобов'язаних",
  DEFENCE_100: "Оборонно-промисловий комплекс: 100 % (загальна чисельність працівників)",
  FRONTLINE_100: "Прифронтові території: 100 %",
  DRONE_WEAPONS_100: "Виконавці державних контрактів на дрони та озброєння: 100 %",
  MEDICAL_100: "Державні та комунальні заклади охорони здоров'я: 100 %",
  LIFE_SUPPORT_75: "Критична інфраструктура життєзабезпечення: 75 %",
  UKRZALIZNYTSIA_80: "АТ «Укрзалізниця»: 80 %",
  ENERGY_EQUIPMENT_100: "Виробники та ремонтники трансформаторів і обладнання для енергосистеми: 100 %",
};

export type LimitInput = {
  category: LimitCategory;
  /** Military-liable employees as the decision states them (the base of most categories). */
  militaryLiableCount: number;
  /** Total headcount on the decision date; required for categories counted on headcount. */
  headcount?: number | null;
  ruleset: Ruleset;
};

/** Whether a category exists under a ruleset (a category is added by the amendment that creates it). */
export function isLimitCategoryInForce(category: LimitCategory, ruleset: Ruleset): boolean {
  return ruleset.limits[category] !== undefined;
}

/** The categories of a ruleset, in the catalogue's order. */
export function limitCategoriesOf(ruleset: Ruleset): LimitCategory[] {
  return LIMIT_CATEGORIES.filter((c) => ruleset.limits[c] !== undefined);
}

/** The base and percentage a category uses under a ruleset; a category not yet in force is refused. */
export function limitRuleFor(category: LimitCategory, ruleset: Ruleset): { percent: number; base: LimitBase } {
  const rule = ruleset.limits[category];
  if (!rule) {
    throw new AppError(
      "LIMIT_CATEGORY_NOT_IN_FORCE",
      `Категорія ліміту «${LIMIT_CATEGORY_LABELS[category] ?? category}» не передбачена правилами, чинними з ${formatDate(ruleset.effectiveFrom)}`,
      {
        fields: { limitCategory: "Ця категорія ліміту не діє на дату рішення" },
        details: { category, rulesetVersion: ruleset.version },
      },
    );
  }
  return rule;
}

/**
 * The number of employees an enterprise may reserve. Rounded down: a limit is a ceiling, and
 * 50 % of 7 people is 3 people, not 3.5 or 4.
 */
export function computeLimitCount(input: LimitInput): number {
  const { percent, base } = limitRuleFor(input.category, input.ruleset);
  requireCount(input.militaryLiableCount, "militaryLiableCount", "Кількість військовозобов'язаних");
  let baseCount = input.militaryLiableCount;
  if (base === "HEADCOUNT") {
    if (input.headcount === undefined || input.headcount === null) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Для цієї категорії вкажіть загальну чисельність працівників на дату рішення",
        {
          fields: { headcount: "Вкажіть загальну чисельність працівників" },
        },
      );
    }
    requireCount(input.headcount, "headcount", "Загальна чисельність працівників");
    if (input.headcount < input.militaryLiableCount) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Загальна чисельність не може бути меншою за кількість військовозобов'язаних",
        {
          fields: { headcount: "Менше за кількість військовозобов'язаних" },
        },
      );
    }
    baseCount = input.headcount;
  }
  // Integers throughout: count × percent is exact far beyond any headcount.
  return Math.floor((baseCount * percent) / 100);
}

function requireCount(value: number, field: string, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError("VALIDATION_FAILED", `${label}: потрібне ціле невід'ємне число`, {
      fields: { [field]: "Потрібне ціле невід'ємне число" },
    });
  }
}
