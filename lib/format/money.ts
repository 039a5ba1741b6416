// Money is carried as an integer number of kopiykas everywhere the portal computes with it:
// thresholds and salaries are compared exactly, never as floats that drift (21 617.50 × 100
// is not always 2 161 750 in binary floating point). Browser-safe, no dependencies.

/** An amount in kopiykas (1/100 UAH), always a safe integer. */
export type Kopiykas = number;

const DECIMAL = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

export type FormatMoneyOptions = {
  /** Append " грн" (default true). */
  currency?: boolean;
  /** Use no-break spaces so that a table cell never wraps inside an amount (default false). */
  nonBreaking?: boolean;
};

/** 2594100 → "25 941,00 грн" (spaces between thousands, a comma before kopiykas). */
export function formatMoney(kopiykas: Kopiykas, options: FormatMoneyOptions = {}): string {
  assertKopiykas(kopiykas);
  const space = options.nonBreaking ? "\u00a0" : " ";
  const negative = kopiykas < 0;
  const abs = Math.abs(kopiykas);
  const hryvnias = groupThousands(String(Math.floor(abs / 100)), space);
  const cents = String(abs % 100).padStart(2, "0");
  const amount = `${negative ? "-" : ""}${hryvnias},${cents}`;
  return options.currency === false ? amount : `${amount}${space}грн`;
}

/**
 * Converts an amount in hryvnias to kopiykas exactly. Accepts a number as JSON carries it
 * (30000, 21617.5) or a decimal string ("25941.00", "25941,5", a Prisma Decimal's toString()).
 * More than two decimals, exponents, NaN and amounts beyond a safe integer are refused:
 * rounding a salary silently would move it across a threshold.
 */
export function toKopiykas(value: string | number): Kopiykas {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not an amount with at most two decimals: ${String(value)}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount too large: ${String(value)}`);
  return sign && result !== 0 ? -result : result;
}

/** 2161750 → "21617.50": the form a Decimal column or a JSON API expects. */
export function kopiykasToDecimal(kopiykas: Kopiykas): string {
  assertKopiykas(kopiykas);
  const abs = Math.abs(kopiykas);
  return `${kopiykas < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Multiplies by a percentage, refusing a result that is not a whole number of kopiykas. */
export function percentOfKopiykas(kopiykas: Kopiykas, percent: number): Kopiykas {
  assertKopiykas(kopiykas);
  if (!Number.isInteger(percent)) throw new RangeError("percent must be an integer");
  const product = kopiykas * percent;
  if (product % 100 !== 0) throw new RangeError(`${kopiykas} × ${percent}% is not a whole number of kopiykas`);
  return product / 100;
}

export function groupThousands(digits: string, space = " "): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, space);
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // String() gives the shortest text that round-trips, i.e. what the sender typed (0.3, not
  // 0.2999…); an exponent form means the amount is absurdly large or small and is refused.
  return String(value);
}

function assertKopiykas(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`kopiykas must be a safe integer, got ${value}`);
}
