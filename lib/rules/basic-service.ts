import { fullYearsOn, type IsoDate } from "./calendar";

// Basic military service (from 2025) is for the young: a man aged 18–24 on the register as a
// призовник applies voluntarily. Pure: today is an argument.

export const BASIC_SERVICE_AGE = { min: 18, max: 24 } as const;

export const BASIC_SERVICE_REFUSALS = {
  AGE: `Базова військова служба — для громадян віком від ${BASIC_SERVICE_AGE.min} до ${BASIC_SERVICE_AGE.max} років`,
  NOT_MALE: "Базову військову службу проходять чоловіки; жінки можуть вступити на службу за контрактом",
  NOT_CONSCRIPT: "Подати заяву може призовник, який перебуває на військовому обліку",
} as const;
export type BasicServiceRefusal = keyof typeof BASIC_SERVICE_REFUSALS;

export function decideBasicServiceEligibility(facts: {
  birthDate: IsoDate;
  sex: "MALE" | "FEMALE";
  registration: { status: string; liability: string } | null;
  today: IsoDate;
}): { eligible: true; age: number } | { eligible: false; reason: BasicServiceRefusal; message: string } {
  const age = fullYearsOn(facts.birthDate, facts.today);
  const refuse = (reason: BasicServiceRefusal) => ({
    eligible: false as const,
    reason,
    message: BASIC_SERVICE_REFUSALS[reason],
  });
  if (age < BASIC_SERVICE_AGE.min || age > BASIC_SERVICE_AGE.max) return refuse("AGE");
  if (facts.sex !== "MALE") return refuse("NOT_MALE");
  if (
    !facts.registration ||
    facts.registration.status !== "ON_REGISTER" ||
    facts.registration.liability !== "CONSCRIPT"
  )
    return refuse("NOT_CONSCRIPT");
  return { eligible: true, age };
}
