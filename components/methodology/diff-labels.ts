// Ukrainian names of a ruleset's fields, for the diff the methodologist reads before signing.
import { formatMoney } from "@/lib/format";
import { LIMIT_CATEGORY_LABELS, type LimitCategory } from "@/lib/rules";

const FIELD_LABELS: Record<string, string> = {
  "salary.general.minimumWage": "Мінімальна заробітна плата (загальний поріг)",
  "salary.general.multiplierPercent": "Кратність мінімальної зарплати, % (загальний поріг)",
  "salary.general.threshold": "Поріг заробітної плати",
  "salary.frontline.minimumWage": "Мінімальна заробітна плата (прифронтові території)",
  "salary.frontline.multiplierPercent": "Кратність мінімальної зарплати, % (прифронтові території)",
  "salary.frontline.threshold": "Поріг заробітної плати для прифронтових територій",
  annulmentSpacingDays: "Заява на анулювання не частіше ніж раз на, днів",
  maxTermMonths: "Максимальний строк бронювання, місяців",
  ageLimit: "Граничний вік",
  extensionWindowDays: "Вікно продовження, днів",
  mobilisedInLimitBase: "Мобілізовані враховуються в базі ліміту",
  "exception45.termDays": "Виняток на 45 днів: строк, днів",
  "exception45.hiredWithinDays": "Виняток: працевлаштовано не раніше ніж за, днів",
  "exception45.onceInMonths": "Виняток: не частіше ніж раз на, місяців",
};

export function diffLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const limit = /^limits\.([A-Z0-9_]+)(?:\.(percent|base))?$/.exec(path);
  if (limit) return `Ліміт: ${LIMIT_CATEGORY_LABELS[limit[1] as LimitCategory] ?? limit[1]}${limit[2] === "base" ? " — база" : limit[2] === "percent" ? " — відсоток" : ""}`;
  const criteria = /^criteria\.byCategory\.([A-Z0-9_]+)/.exec(path);
  if (criteria) return `Критерії для категорії «${LIMIT_CATEGORY_LABELS[criteria[1] as LimitCategory] ?? criteria[1]}»`;
  return path;
}

export function diffValue(path: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number" && /(minimumWage|threshold)$/.test(path)) return formatMoney(value);
  if (typeof value === "boolean") return value ? "так" : "ні";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
