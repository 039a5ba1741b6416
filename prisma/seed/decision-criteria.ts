// The criteria a decision records: both mandatory ones (the salary one unless the enterprise
// is exempt from it) and at least one additional criterion that fits the enterprise.

import {
  ADDITIONAL_CRITERIA as A,
  MANDATORY_CRITERIA as M,
  SALARY_EXEMPTIONS as X,
  type LimitCategory,
  type SalaryExemption,
} from "./data/criteria";
import { findSector } from "./data/sectors";
import type { EnterprisePlan } from "./generate-enterprises";
import type { Rng } from "./random";

export function salaryExemptionOf(rng: Rng, enterprise: EnterprisePlan): SalaryExemption | null {
  if (enterprise.ownership === "STATE" || enterprise.ownership === "COMMUNAL") return X.STATE_OR_COMMUNAL;
  if (enterprise.stateShare > 50) return X.STATE_SHARE_OVER_50;
  if (enterprise.diiaCity) return X.DIIA_CITY_RESIDENT;
  if (enterprise.ownership === "RELIGIOUS") return X.RELIGIOUS_ORGANISATION;
  if (enterprise.sectorKey === "power-generation" && rng.chance(0.3)) return X.ENERGY_WAR_DAMAGED;
  return null;
}

export function criteriaFor(
  rng: Rng,
  enterprise: EnterprisePlan,
  category: LimitCategory,
  authorityCode: string,
): { criteria: string[]; salaryExemption: SalaryExemption | null } {
  const salaryExemption = salaryExemptionOf(rng, enterprise);
  const criteria: string[] = [M.NO_TAX_ARREARS];
  if (!salaryExemption) criteria.unshift(M.AVERAGE_SALARY);
  for (const extra of additional(rng, enterprise, category, authorityCode))
    if (!criteria.includes(extra)) criteria.push(extra);
  return { criteria, salaryExemption };
}

function additional(rng: Rng, enterprise: EnterprisePlan, category: LimitCategory, authorityCode: string): string[] {
  if (enterprise.fixed === "big") return [A.TAXES_OVER_EUR_1_5M, A.FX_RECEIPTS_OVER_EUR_32M, A.STRATEGIC_IMPORTANCE];
  if (enterprise.fixed === "ukrzaliznytsia")
    return [A.STRATEGIC_IMPORTANCE, A.SECTOR_OR_REGIONAL_IMPORTANCE, A.TAXES_OVER_EUR_1_5M];
  const result: string[] = [];
  if (enterprise.diiaCity) result.push(A.DIIA_CITY_RESIDENT);
  switch (category) {
    case "DEFENCE_100":
      result.push(A.DEFENCE_STATE_CONTRACT);
      if (rng.chance(0.5)) result.push(A.ARMED_FORCES_SUPPLIER);
      break;
    case "DRONE_WEAPONS_100":
      result.push(rng.chance(0.7) ? A.DEFENCE_STATE_CONTRACT : A.ARMED_FORCES_SUPPLIER);
      if (rng.chance(0.25)) result.push(A.DEFENCE_INNOVATION_GRANT);
      break;
    case "FRONTLINE_100":
      result.push(A.SECTOR_OR_REGIONAL_IMPORTANCE);
      break;
    case "MEDICAL_100":
    case "LIFE_SUPPORT_75":
    case "UKRZALIZNYTSIA_80":
      result.push(A.SECTOR_OR_REGIONAL_IMPORTANCE);
      if (enterprise.ownership === "STATE" && rng.chance(0.3)) result.push(A.STRATEGIC_IMPORTANCE);
      break;
    case "DEFAULT_50":
      if (authorityCode.startsWith("ova-")) result.push(A.SECTOR_OR_REGIONAL_IMPORTANCE);
      else if (result.length === 0 || rng.chance(0.3)) {
        const size = findSector(enterprise.sectorKey).salaryMedian > 30_000 ? 2 : 1;
        for (let i = 0; i < size; i++) {
          result.push(
            rng.weighted([
              [A.SECTOR_OR_REGIONAL_IMPORTANCE, 5],
              [A.TAXES_OVER_EUR_1_5M, 3],
              [A.FX_RECEIPTS_OVER_EUR_32M, 1],
              [A.STRATEGIC_IMPORTANCE, 1],
            ] as ReadonlyArray<readonly [string, number]>),
          );
        }
      }
      break;
  }
  return result;
}
