// РНОКПП (individual taxpayer number), 10 digits:
//   d1–d5  days since 31.12.1899 (the birth date),
//   d6–d8  serial, d9 sex (odd male, even female), d10 check digit.
// Pure and browser-safe: used by forms as the user types and by the server.

export type Sex = "MALE" | "FEMALE";

export type RnokppProblem = "EMPTY" | "NOT_DIGITS" | "WRONG_LENGTH" | "BAD_CHECK_DIGIT";

export type RnokppCheck =
  { valid: true; value: string; birthDate: Date; sex: Sex } | { valid: false; problem: RnokppProblem; message: string };

const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;
const EPOCH_UTC = Date.UTC(1899, 11, 31);
const DAY_MS = 86_400_000;

const MESSAGES: Record<RnokppProblem, string> = {
  EMPTY: "Вкажіть РНОКПП",
  NOT_DIGITS: "РНОКПП має складатися лише з цифр",
  WRONG_LENGTH: "РНОКПП має містити 10 цифр",
  BAD_CHECK_DIGIT: "РНОКПП недійсний: не збігається контрольна цифра",
};

export function rnokppCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(firstNine[i]);
  return (((sum % 11) + 11) % 11) % 10;
}

export function checkRnokpp(input: string): RnokppCheck {
  const value = input.trim();
  if (value === "") return fail("EMPTY");
  if (!/^\d+$/.test(value)) return fail("NOT_DIGITS");
  if (value.length !== 10) return fail("WRONG_LENGTH");
  if (rnokppCheckDigit(value.slice(0, 9)) !== Number(value[9])) return fail("BAD_CHECK_DIGIT");
  return { valid: true, value, birthDate: rnokppBirthDate(value), sex: Number(value[8]) % 2 === 1 ? "MALE" : "FEMALE" };
}

export function isValidRnokpp(input: string): boolean {
  return checkRnokpp(input).valid;
}

/** The birth date encoded in d1–d5 (UTC midnight). A mismatch with a recorded date is not an error. */
export function rnokppBirthDate(value: string): Date {
  return new Date(EPOCH_UTC + Number(value.slice(0, 5)) * DAY_MS);
}

/** Builds a valid РНОКПП for a birth date, sex and serial (0–999). */
export function generateRnokpp(birthDate: Date, sex: Sex, serial: number): string {
  const days = Math.round(
    (Date.UTC(birthDate.getUTCFullYear(), birthDate.getUTCMonth(), birthDate.getUTCDate()) - EPOCH_UTC) / DAY_MS,
  );
  if (days < 1 || days > 99_999) throw new RangeError("birth date outside the range a РНОКПП can encode");
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError("serial must be 0–999");
  // d9 carries the sex; the serial's last digit is folded into a digit of the right parity.
  const sexDigit = sex === "MALE" ? 2 * (serial % 5) + 1 : 2 * (serial % 5);
  const firstNine = `${String(days).padStart(5, "0")}${String(Math.floor(serial / 5) % 1000).padStart(3, "0")}${sexDigit}`;
  return `${firstNine}${rnokppCheckDigit(firstNine)}`;
}

export function maskRnokpp(value: string): string {
  return value.length === 10 ? `${value.slice(0, 2)}******${value.slice(8)}` : value;
}

function fail(problem: RnokppProblem): RnokppCheck {
  return { valid: false, problem, message: MESSAGES[problem] };
}
