// Ukrainian names of a ruleset's fields, for the diff the methodologist reads before signing.
import { formatMoney } from "@/lib/format";
import { LIMIT_CATEGORY_LABELS, criterionLabel, isCriterionCode, type LimitCategory } from "@/lib/rules";

const FIELD_LABELS: Record<string, string> = {
  "salary.general.minimumWage": "Мінімальна заробітна плата (загальний поріг)",
  "salary.general.multiplierPercent": "Кратність мінімальної зарплати, % (загальний поріг)",
  "salary.general.threshold": "Поріг заробітної плати",
  "salary.frontline.minimumWage": "Мінімальна заробітна плата (прифронтові території)",
  "salary.frontline.multiplierPercent": "Кратність мінімальної зарплати, % (прифронтові території)",
  "salary.frontline.threshold": "Поріг заробітної плати для прифронтових територій",
  annulmentSpacingDays: "Заява на анулювання не частіше ніж раз на, днів",
  maxTermMonths: "Максимальний строк бронювання, місяців",
  ageLimit: "Граничний вік, років",
  extensionWindowDays: "Вікно продовження, днів",
  mobilisedInLimitBase: "Мобілізовані враховуються в базі ліміту",
  exception45: "Виняток на 45 днів",
  "exception45.termDays": "Виняток на 45 днів: строк, днів",
  "exception45.hiredWithinDays": "Виняток: працевлаштовано не раніше ніж за, днів",
  "exception45.onceInMonths": "Виняток: не частіше ніж раз на, місяців",
};

const CRITERIA_PARTS: Record<string, string> = {
  mandatory: "обов'язкові",
  minAdditional: "мінімум додаткових",
  minTotal: "мінімум усього",
};

const categoryLabel = (code: string) => LIMIT_CATEGORY_LABELS[code as LimitCategory] ?? code;

export function diffLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const limit = /^limits\.([A-Z0-9_]+)(?:\.(percent|base))?$/.exec(path);
  if (limit)
    return `Ліміт: ${categoryLabel(limit[1]!)}${limit[2] === "base" ? " — база" : limit[2] === "percent" ? " — відсоток" : ""}`;
  const general = /^criteria\.general\.(\w+)$/.exec(path);
  if (general) return `Критерії (загальне правило): ${CRITERIA_PARTS[general[1]!] ?? general[1]}`;
  const criteria = /^criteria\.byCategory\.([A-Z0-9_]+)(?:\.(\w+))?$/.exec(path);
  if (criteria)
    return `Критерії для категорії «${categoryLabel(criteria[1]!)}»${criteria[2] ? `: ${CRITERIA_PARTS[criteria[2]] ?? criteria[2]}` : ""}`;
  return path;
}

export function diffValue(path: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number" && /(minimumWage|threshold)$/.test(path)) return formatMoney(value);
  if (typeof value === "boolean") return value ? "так" : "ні";
  if (Array.isArray(value) && /(^|\.)mandatory$/.test(path))
    return value.length === 0
      ? "немає"
      : value
          .map((code) => (typeof code === "string" && isCriterionCode(code) ? criterionLabel(code) : String(code)))
          .join("; ");
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("percent" in v)
      return `${String(v.percent)} % (${v.base === "HEADCOUNT" ? "від загальної чисельності" : "від військовозобов'язаних"})`;
    if ("minTotal" in v)
      return `обов'язкові: ${diffValue("mandatory", v.mandatory)}; додаткових щонайменше ${String(v.minAdditional)}; усього щонайменше ${String(v.minTotal)}`;
    if ("termDays" in v)
      return `${String(v.termDays)} днів; працевлаштовано не раніше ніж за ${String(v.hiredWithinDays)} днів; раз на ${String(v.onceInMonths)} міс.`;
    return JSON.stringify(value);
  }
  return String(value);
}
