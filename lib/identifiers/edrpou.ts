// ЄДРПОУ (code of a legal entity), 8 digits, the last one a check digit.
// Weights on d1–d7 are 1..7 for codes below 30000000 or above 60000000, otherwise 7,1..6;
// a remainder of 10 is recomputed with every weight + 2; 10 again gives 0.

export type EdrpouProblem = "EMPTY" | "NOT_DIGITS" | "WRONG_LENGTH" | "BAD_CHECK_DIGIT";

export type EdrpouCheck = { valid: true; value: string } | { valid: false; problem: EdrpouProblem; message: string };

const LOW_HIGH = [1, 2, 3, 4, 5, 6, 7] as const;
const MIDDLE = [7, 1, 2, 3, 4, 5, 6] as const;

const MESSAGES: Record<EdrpouProblem, string> = {
  EMPTY: "Вкажіть код ЄДРПОУ",
  NOT_DIGITS: "Код ЄДРПОУ має складатися лише з цифр",
  WRONG_LENGTH: "Код ЄДРПОУ має містити 8 цифр",
  BAD_CHECK_DIGIT: "Код ЄДРПОУ недійсний: не збігається контрольна цифра",
};

export function edrpouCheckDigit(firstSeven: string): number {
  const asNumber = Number(`${firstSeven}0`);
  const weights = asNumber < 30_000_000 || asNumber > 60_000_000 ? LOW_HIGH : MIDDLE;
  const remainder = (add: number) => {
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += (weights[i]! + add) * Number(firstSeven[i]);
    return sum % 11;
  };
  let r = remainder(0);
  if (r === 10) r = remainder(2);
  return r === 10 ? 0 : r;
}

export function checkEdrpou(input: string): EdrpouCheck {
  const value = input.trim();
  if (value === "") return fail("EMPTY");
  if (!/^\d+$/.test(value)) return fail("NOT_DIGITS");
  if (value.length !== 8) return fail("WRONG_LENGTH");
  if (edrpouCheckDigit(value.slice(0, 7)) !== Number(value[7])) return fail("BAD_CHECK_DIGIT");
  return { valid: true, value };
}

export function isValidEdrpou(input: string): boolean {
  return checkEdrpou(input).valid;
}

/** Completes a 7-digit stem (a number 0–9,999,999) into a valid ЄДРПОУ. */
export function generateEdrpou(stem: number): string {
  if (!Number.isInteger(stem) || stem < 0 || stem > 9_999_999) throw new RangeError("stem must be 0–9999999");
  const firstSeven = String(stem).padStart(7, "0");
  return `${firstSeven}${edrpouCheckDigit(firstSeven)}`;
}

function fail(problem: EdrpouProblem): EdrpouCheck {
  return { valid: false, problem, message: MESSAGES[problem] };
}
