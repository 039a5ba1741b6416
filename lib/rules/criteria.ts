// Criteria of a critical enterprise (Resolution 76): both mandatory ones, at least one
// additional one; the salary criterion may be replaced by an exemption. Stored decisions keep
// these codes (CriticalDecision.criteria, .salaryExemption), so codes never change meaning;
// a new criterion gets a new code.
import type { LimitCategory } from "./enums";
import { GENERAL_CRITERIA, criteriaRuleFor, type Ruleset } from "./rulesets";

export const CRITERIA = [
  { code: "AVERAGE_SALARY", kind: "MANDATORY", label: "Середня заробітна плата не нижча за встановлений поріг" },
  { code: "NO_TAX_ARREARS", kind: "MANDATORY", label: "Відсутність заборгованості зі сплати податків і ЄСВ" },
  {
    code: "TAXES_OVER_1_5M_EUR",
    kind: "ADDITIONAL",
    label: "Сплата податків і ЄСВ понад еквівалент 1,5 млн євро на рік",
  },
  {
    code: "FX_RECEIPTS_OVER_32M_EUR",
    kind: "ADDITIONAL",
    label: "Надходження в іноземній валюті понад еквівалент 32 млн євро (без кредитів)",
  },
  { code: "STRATEGIC", kind: "ADDITIONAL", label: "Підприємство включено до переліку стратегічно важливих" },
  {
    code: "SECTORAL_OR_REGIONAL",
    kind: "ADDITIONAL",
    label: "Важливе для галузі або територіальної громади (галузеві чи регіональні критерії)",
  },
  { code: "DIIA_CITY", kind: "ADDITIONAL", label: "Резидент Дія.Сіті" },
  {
    code: "DEFENCE_CONTRACT",
    kind: "ADDITIONAL",
    label: "Державний оборонний контракт, оборонна продукція понад 50 % обсягу",
  },
  { code: "DEFENCE_INNOVATION_GRANT", kind: "ADDITIONAL", label: "Грант на оборонні інновації" },
  { code: "ARMED_FORCES_SUPPLY", kind: "ADDITIONAL", label: "Договори на постачання для Збройних Сил України" },
] as const;

export type CriterionCode = (typeof CRITERIA)[number]["code"];
export type CriterionKind = (typeof CRITERIA)[number]["kind"];

export const MANDATORY_CRITERIA: readonly CriterionCode[] = CRITERIA.filter((c) => c.kind === "MANDATORY").map(
  (c) => c.code,
);
export const ADDITIONAL_CRITERIA: readonly CriterionCode[] = CRITERIA.filter((c) => c.kind === "ADDITIONAL").map(
  (c) => c.code,
);

/** The criterion an exemption replaces. */
export const SALARY_CRITERION: CriterionCode = "AVERAGE_SALARY";

export const SALARY_EXEMPTIONS = [
  { code: "STATE_OR_COMMUNAL", label: "Суб'єкт державної або комунальної власності" },
  { code: "STATE_SHARE_OVER_50", label: "Частка держави в статутному капіталі понад 50 %" },
  { code: "DIIA_CITY_RESIDENT", label: "Резидент Дія.Сіті" },
  { code: "RELIGIOUS_ORGANISATION", label: "Релігійна організація" },
  { code: "ENERGY_WAR_DAMAGED", label: "Виробник енергії, об'єкти якого пошкоджено внаслідок бойових дій" },
] as const;

export type SalaryExemptionCode = (typeof SALARY_EXEMPTIONS)[number]["code"];

const CRITERION_BY_CODE = new Map<string, (typeof CRITERIA)[number]>(CRITERIA.map((c) => [c.code, c]));
const EXEMPTION_CODES = new Set<string>(SALARY_EXEMPTIONS.map((e) => e.code));

export function isCriterionCode(value: string): value is CriterionCode {
  return CRITERION_BY_CODE.has(value);
}

export function isSalaryExemptionCode(value: string): value is SalaryExemptionCode {
  return EXEMPTION_CODES.has(value);
}

export function criterionLabel(code: CriterionCode): string {
  return CRITERION_BY_CODE.get(code)!.label;
}

export function salaryExemptionLabel(code: SalaryExemptionCode): string {
  return SALARY_EXEMPTIONS.find((e) => e.code === code)!.label;
}

export type CriteriaProblem =
  | { code: "UNKNOWN_CRITERION"; value: string; message: string }
  | { code: "DUPLICATE_CRITERION"; value: string; message: string }
  | { code: "MISSING_MANDATORY"; criterion: CriterionCode; message: string }
  | { code: "NO_ADDITIONAL"; message: string }
  | { code: "TOO_FEW_CRITERIA"; required: number; message: string }
  | { code: "UNKNOWN_EXEMPTION"; value: string; message: string }
  | { code: "EXEMPTION_NOT_IN_FORCE"; value: SalaryExemptionCode; message: string };

export type CriteriaCheck = { ok: true } | { ok: false; problems: CriteriaProblem[] };

/**
 * Whether a decision's ticked criteria make an enterprise critical. With a ruleset, the
 * exemption must be one that ruleset knows and the category's criteria rule applies (energy
 * equipment from 05.02.2026: two criteria); without, any catalogued exemption is accepted and
 * the general rule applies.
 */
export function checkDecisionCriteria(input: {
  criteria: readonly string[];
  salaryExemption?: string | null;
  ruleset?: Ruleset;
  limitCategory?: LimitCategory | null;
}): CriteriaCheck {
  const rule = input.ruleset ? criteriaRuleFor(input.ruleset, input.limitCategory) : GENERAL_CRITERIA;
  const problems: CriteriaProblem[] = [];
  const seen = new Set<string>();
  for (const value of input.criteria) {
    if (!isCriterionCode(value))
      problems.push({ code: "UNKNOWN_CRITERION", value, message: `Невідомий критерій: ${value}` });
    else if (seen.has(value))
      problems.push({
        code: "DUPLICATE_CRITERION",
        value,
        message: `Критерій зазначено двічі: ${criterionLabel(value)}`,
      });
    seen.add(value);
  }

  const exemption = input.salaryExemption ?? null;
  let exempt = false;
  if (exemption !== null) {
    if (!isSalaryExemptionCode(exemption)) {
      problems.push({
        code: "UNKNOWN_EXEMPTION",
        value: exemption,
        message: `Невідома підстава звільнення від критерію заробітної плати: ${exemption}`,
      });
    } else if (input.ruleset && !input.ruleset.salaryExemptions.includes(exemption)) {
      problems.push({
        code: "EXEMPTION_NOT_IN_FORCE",
        value: exemption,
        message: `Підстава «${salaryExemptionLabel(exemption)}» не діє за правилами ${input.ruleset.version}`,
      });
    } else exempt = true;
  }

  for (const criterion of rule.mandatory) {
    if (seen.has(criterion) || (criterion === SALARY_CRITERION && exempt)) continue;
    problems.push({
      code: "MISSING_MANDATORY",
      criterion,
      message:
        criterion === SALARY_CRITERION
          ? `Обов'язковий критерій не виконано: ${criterionLabel(criterion)} (або зазначте підставу звільнення від нього)`
          : `Обов'язковий критерій не виконано: ${criterionLabel(criterion)}`,
    });
  }
  const additional = ADDITIONAL_CRITERIA.filter((c) => seen.has(c)).length;
  if (additional < rule.minAdditional) {
    problems.push({
      code: "NO_ADDITIONAL",
      message:
        rule.minAdditional === 1
          ? "Оберіть хоча б один додатковий критерій"
          : `Оберіть щонайменше ${rule.minAdditional} додаткових критерії`,
    });
  }
  const met = [...seen].filter(isCriterionCode).length + (exempt && !seen.has(SALARY_CRITERION) ? 1 : 0);
  if (problems.length === 0 && met < rule.minTotal) {
    problems.push({
      code: "TOO_FEW_CRITERIA",
      required: rule.minTotal,
      message: `Для цієї категорії потрібно щонайменше ${rule.minTotal} критерії, зазначено ${met}`,
    });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
