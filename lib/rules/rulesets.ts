// The rules as dated data. The law changes several times a year, so every figure lives here
// with the date it took effect, and every decision records the version it was made under.
// A new amendment is a new entry built from the previous one: the diff is the amendment.
import { AppError } from "@/lib/errors";
import { formatDate, percentOfKopiykas, type Kopiykas } from "@/lib/format";
import { assertIsoDate, type IsoDate } from "./calendar";
import type { CriterionCode, SalaryExemptionCode } from "./criteria";
import type { LimitCategory } from "./enums";

export type SalaryThreshold = {
  minimumWage: Kopiykas;
  /** 250 = 2.5 × the minimum wage. */
  multiplierPercent: number;
  threshold: Kopiykas;
};

/** What a limit percentage is taken of: the decision's military-liable count or the total headcount. */
export type LimitBase = "MILITARY_LIABLE" | "HEADCOUNT";

export type Exception45Rules = {
  /** Length of the reservation, days counted inclusively. */
  termDays: number;
  /** Employment must have begun at most this many days before the application. */
  hiredWithinDays: number;
  /** Once per this many months for a person (a rolling period, not a calendar year). */
  onceInMonths: number;
  /** Employers that may use it: by limit category or by a criterion of their decision. */
  limitCategories: readonly LimitCategory[];
  criteria: readonly CriterionCode[];
};

/**
 * What makes an enterprise critical: every mandatory criterion (the salary one may be replaced
 * by an exemption), at least minAdditional additional ones, at least minTotal in all.
 */
export type CriteriaRule = {
  mandatory: readonly CriterionCode[];
  minAdditional: number;
  minTotal: number;
};

export type DecisionCap = { decidedBefore: IsoDate; endsNoLaterThan: IsoDate; basis: string };

export type Ruleset = {
  version: string;
  effectiveFrom: IsoDate;
  /** Ukrainian, for the decision's record. */
  title: string;
  salary: { general: SalaryThreshold; frontline: SalaryThreshold };
  salaryExemptions: readonly SalaryExemptionCode[];
  /** A category absent here does not exist under this ruleset (it came with a later amendment). */
  limits: Readonly<Partial<Record<LimitCategory, { percent: number; base: LimitBase }>>>;
  /** The usual criteria rule, and the categories that have their own. */
  criteria: { general: CriteriaRule; byCategory: Readonly<Partial<Record<LimitCategory, CriteriaRule>>> };
  /** Mobilised employees of the enterprise count in the military-liable base of its limit. */
  mobilisedInLimitBase: boolean;
  /** An enterprise may file an annulment application at most once per this many calendar days; null: no spacing. */
  annulmentSpacingDays: number | null;
  /** Age (full years) at which a person leaves the reserve. */
  ageLimit: number;
  maxTermMonths: number;
  /** Data updated (уточнені) before this day do not count: Law 3633-IX took effect on it. */
  dataUpdateRequiredSince: IsoDate;
  /**
   * A person reserved here may be re-submitted once at most this many days remain of the
   * current reservation; it is then an extension starting the day after the current one ends.
   * Earlier, the submission is refused as ALREADY_RESERVED. 30 days leave the head a month to
   * re-submit, and nothing in the law forbids an extension before expiry.
   */
  extensionWindowDays: number;
  /** After a decision expires the head has this many working days to annul; then it is automatic. */
  decisionExpiryGraceWorkingDays: number;
  decisionCaps: readonly DecisionCap[];
  exception45: Exception45Rules | null;
};

function threshold(minimumWage: Kopiykas, multiplierPercent: number): SalaryThreshold {
  return { minimumWage, multiplierPercent, threshold: percentOfKopiykas(minimumWage, multiplierPercent) };
}

const LIMITS_RES76: Ruleset["limits"] = {
  DEFAULT_50: { percent: 50, base: "MILITARY_LIABLE" },
  DEFENCE_100: { percent: 100, base: "HEADCOUNT" },
  FRONTLINE_100: { percent: 100, base: "MILITARY_LIABLE" },
  DRONE_WEAPONS_100: { percent: 100, base: "MILITARY_LIABLE" },
  MEDICAL_100: { percent: 100, base: "MILITARY_LIABLE" },
  LIFE_SUPPORT_75: { percent: 75, base: "MILITARY_LIABLE" },
  UKRZALIZNYTSIA_80: { percent: 80, base: "MILITARY_LIABLE" },
};

export const GENERAL_CRITERIA: CriteriaRule = {
  mandatory: ["AVERAGE_SALARY", "NO_TAX_ARREARS"],
  minAdditional: 1,
  minTotal: 3,
};

const RES76_2024_12: Ruleset = {
  version: "res76-2024-12-01",
  effectiveFrom: "2024-12-01",
  title: "Постанова КМУ № 76: поріг заробітної плати 20 000 грн (2,5 мінімальної)",
  salary: { general: threshold(800_000, 250), frontline: threshold(800_000, 250) },
  salaryExemptions: [
    "STATE_OR_COMMUNAL",
    "STATE_SHARE_OVER_50",
    "DIIA_CITY_RESIDENT",
    "RELIGIOUS_ORGANISATION",
    "ENERGY_WAR_DAMAGED",
  ],
  limits: LIMITS_RES76,
  criteria: { general: GENERAL_CRITERIA, byCategory: {} },
  mobilisedInLimitBase: false,
  // Броня did not enforce the spacing before Resolution 1608's temporary lifting ended.
  annulmentSpacingDays: null,
  ageLimit: 60,
  maxTermMonths: 12,
  dataUpdateRequiredSince: "2024-05-18",
  extensionWindowDays: 30,
  decisionExpiryGraceWorkingDays: 5,
  decisionCaps: [],
  exception45: null,
};

const MOBILISED_2025_03: Ruleset = {
  ...RES76_2024_12,
  version: "res76-2025-03-05",
  effectiveFrom: "2025-03-05",
  title: "Мобілізовані працівники підприємства враховуються в базі ліміту бронювання",
  mobilisedInLimitBase: true,
};

const LAW4630_2025_12: Ruleset = {
  ...MOBILISED_2025_03,
  version: "law4630-2025-12-04",
  effectiveFrom: "2025-12-04",
  title: "Закон № 4630-IX: виняток на 45 днів для нових працівників оборонних підприємств",
  exception45: {
    termDays: 45,
    hiredWithinDays: 45,
    onceInMonths: 12,
    limitCategories: ["DEFENCE_100", "DRONE_WEAPONS_100"],
    criteria: ["DEFENCE_CONTRACT", "DEFENCE_INNOVATION_GRANT", "ARMED_FORCES_SUPPLY"],
  },
};

const RES76_2026_01: Ruleset = {
  ...LAW4630_2025_12,
  version: "res76-2026-01-01",
  effectiveFrom: "2026-01-01",
  title: "Мінімальна заробітна плата 8 647 грн: поріг 21 617,50 грн (2,5 мінімальної)",
  salary: { general: threshold(864_700, 250), frontline: threshold(864_700, 250) },
};

const RES1608_2026_02: Ruleset = {
  ...RES76_2026_01,
  version: "res1608-2026-02-01",
  effectiveFrom: "2026-02-01",
  title: "Завершено тимчасове скасування обмеження: заява на анулювання — не частіше ніж раз на 5 календарних днів",
  annulmentSpacingDays: 5,
};

const ENERGY_2026_02: Ruleset = {
  ...RES1608_2026_02,
  version: "res76-2026-02-05",
  effectiveFrom: "2026-02-05",
  title: "Виробники та ремонтники трансформаторів і обладнання для енергосистеми: ліміт 100 %, два критерії",
  limits: { ...RES1608_2026_02.limits, ENERGY_EQUIPMENT_100: { percent: 100, base: "MILITARY_LIABLE" } },
  criteria: {
    ...RES1608_2026_02.criteria,
    byCategory: {
      ...RES1608_2026_02.criteria.byCategory,
      ENERGY_EQUIPMENT_100: { mandatory: [], minAdditional: 0, minTotal: 2 },
    },
  },
};

const RES692_2026_05: Ruleset = {
  ...ENERGY_2026_02,
  version: "res692-2026-05-30",
  effectiveFrom: "2026-05-30",
  title: "Постанова КМУ № 692: поріг 25 941 грн (3 мінімальні), 21 617,50 грн для прифронтових територій",
  salary: { general: threshold(864_700, 300), frontline: threshold(864_700, 250) },
  decisionCaps: [
    { decidedBefore: "2026-05-30", endsNoLaterThan: "2026-09-01", basis: "Постанова КМУ № 692 від 30.05.2026" },
  ],
};

/** Every ruleset, oldest first. Frozen: the engine's callers share these objects. */
export const RULESETS: readonly Ruleset[] = [
  RES76_2024_12,
  MOBILISED_2025_03,
  LAW4630_2025_12,
  RES76_2026_01,
  RES1608_2026_02,
  ENERGY_2026_02,
  RES692_2026_05,
].map(deepFreeze);

// The versions rulesetFor answers from: the code's, until the server installs the signed
// versions of the database (lib/rulesets/ruleset-cache.ts, refreshed on NOTIFY). The browser and
// the unit tests keep the code's. Kept on globalThis: Next's bundles and the launcher's modules
// are separate module instances in one process, and all must see one catalogue.
const CATALOGUE = Symbol.for("bronya.rulesets.catalogue");
const shared = globalThis as unknown as { [CATALOGUE]?: readonly Ruleset[] };
const catalogueNow = (): readonly Ruleset[] => shared[CATALOGUE] ?? RULESETS;

/** Installs the versions in force (oldest first, unique dates and versions). */
export function installRulesets(list: readonly Ruleset[]): void {
  const sorted = [...list].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
  );
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.effectiveFrom === sorted[i - 1]!.effectiveFrom)
      throw new AppError("RULESET_CONFLICT", `Дві версії правил з однієї дати: ${sorted[i]!.effectiveFrom}`);
  }
  shared[CATALOGUE] = sorted.map(deepFreeze);
}

/** Every version rulesetFor knows, oldest first. */
export function installedRulesets(): readonly Ruleset[] {
  return catalogueNow();
}

/** The ruleset in force on a date. */
export function rulesetFor(date: IsoDate): Ruleset {
  return rulesetAmong(catalogueNow(), date);
}

/**
 * The ruleset in force on a date among the given versions (oldest first). The browser uses it
 * with the versions the server sent (installedRulesets() there: the signed ones from the
 * database), never with the code's: its own catalogue is only the code's seed.
 */
export function rulesetAmong(list: readonly Ruleset[], date: IsoDate): Ruleset {
  assertIsoDate(date, "date");
  let found: Ruleset | undefined;
  for (const ruleset of list) {
    if (ruleset.effectiveFrom > date) break;
    found = ruleset;
  }
  if (!found) {
    throw new AppError("RULESET_NOT_FOUND", `Немає правил бронювання, чинних на ${formatDate(date)}`, {
      details: { date },
    });
  }
  return found;
}

/** A ruleset by the version a decision recorded. */
export function rulesetByVersion(version: string): Ruleset {
  const found = catalogueNow().find((r) => r.version === version);
  if (!found) throw new AppError("RULESET_NOT_FOUND", `Невідома версія правил бронювання: ${version}`);
  return found;
}

/** The criteria rule of a limit category under a ruleset. */
export function criteriaRuleFor(ruleset: Ruleset, category: LimitCategory | null | undefined): CriteriaRule {
  return (category ? ruleset.criteria.byCategory[category] : undefined) ?? ruleset.criteria.general;
}

/** The salary threshold an enterprise's employees must reach. */
export function salaryThresholdFor(ruleset: Ruleset, frontline: boolean): SalaryThreshold {
  return frontline ? ruleset.salary.frontline : ruleset.salary.general;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
