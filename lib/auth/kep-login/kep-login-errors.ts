import { AppError } from "@/lib/errors/app-error";
import { errorMessage, isErrorCode, type ErrorCode } from "@/lib/errors/catalogue";
import { kepError, KEP_ERROR_CODES, type KepErrorCode } from "@/lib/kep/errors";

// Refusals of a КЕП login that are not a verdict on the signature itself (those keep the
// КЕП codes: CERTIFICATE_REVOKED, NONCE_USED…); all in the one catalogue
// (lib/errors/catalogue.ts). Browser-safe: the login form shows the same messages for the
// codes next-auth hands back.

const KEP_LOGIN_CODES = [
  "KEP_LOGIN_CHALLENGE_INVALID",
  "NO_ROLES",
  "ACCOUNT_DISABLED",
  "RATE_LIMITED",
] as const satisfies readonly ErrorCode[];
const LOGIN_RATE_LIMITED = "Забагато невдалих спроб входу з вашої адреси. Спробуйте пізніше";

export type KepLoginErrorCode = (typeof KEP_LOGIN_CODES)[number];

export function kepLoginError(code: KepLoginErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message ?? kepLoginErrorMessage(code), { details });
}

export function kepLoginErrorMessage(code: string): string | undefined {
  if (code === "RATE_LIMITED") return LOGIN_RATE_LIMITED;
  return (KEP_LOGIN_CODES as readonly string[]).includes(code) && isErrorCode(code) ? errorMessage(code) : undefined;
}

const STALE_CHALLENGE =
  "Запит на вхід застарів або вже використаний. Ми підготували новий — натисніть «Увійти з КЕП» ще раз.";

/**
 * A refused КЕП login in words, with what to do next: the provider hands the browser only the
 * code (next-auth's `error`). Undefined for codes that are not about КЕП (the caller falls back
 * to the general login messages).
 */
export function kepLoginErrorText(code: string): string | undefined {
  // The form fetches a new challenge after every refusal, so a spent one needs only a retry.
  if (code === "NONCE_USED" || code === "NONCE_EXPIRED" || code === "NONCE_UNKNOWN") return STALE_CHALLENGE;
  if ((KEP_ERROR_CODES as string[]).includes(code)) {
    const message = kepError(code as KepErrorCode).message;
    if (code === "CERTIFICATE_REVOKED")
      return `${message}: вхід із цим ключем неможливий. Отримайте новий ключ у свого надавача (КНЕДП).`;
    if (code === "CERTIFICATE_EXPIRED") return `${message}: отримайте новий ключ у свого надавача (КНЕДП).`;
    return `${message}.`;
  }
  return kepLoginErrorMessage(code);
}
