// A decision may not claim what the state register contradicts: an exemption from the salary
// criterion for state ownership, a state share over 50 %, a religious organisation or Diia City
// residence, or the Diia City criterion, when the register says otherwise. The energy producer's
// war damage is not in the register, so it is taken on the official's word. Pure.
import type { OwnershipForm } from "@/lib/rules";

export type RegisterFacts = { ownership: OwnershipForm; stateShare: number; diiaCity: boolean };

export type RegisterProblems = { criteria?: string; salaryExemption?: string };

export function checkAgainstRegister(
  input: { criteria: readonly string[]; salaryExemption: string | null },
  register: RegisterFacts,
): RegisterProblems {
  const problems: RegisterProblems = {};
  switch (input.salaryExemption) {
    case "STATE_OR_COMMUNAL":
      if (register.ownership !== "STATE" && register.ownership !== "COMMUNAL") {
        problems.salaryExemption = "За даними реєстру підприємство не є суб'єктом державної або комунальної власності";
      }
      break;
    case "STATE_SHARE_OVER_50":
      if (register.stateShare <= 50)
        problems.salaryExemption = `За даними реєстру частка держави становить ${register.stateShare} %, а не понад 50 %`;
      break;
    case "RELIGIOUS_ORGANISATION":
      if (register.ownership !== "RELIGIOUS")
        problems.salaryExemption = "За даними реєстру підприємство не є релігійною організацією";
      break;
    case "DIIA_CITY_RESIDENT":
      if (!register.diiaCity) problems.salaryExemption = "За даними реєстру підприємство не є резидентом Дія.Сіті";
      break;
  }
  if (input.criteria.includes("DIIA_CITY") && !register.diiaCity) {
    problems.criteria = "Критерій «Резидент Дія.Сіті»: за даними реєстру підприємство не є резидентом Дія.Сіті";
  }
  return problems;
}
