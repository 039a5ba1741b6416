import { AppError } from "@/lib/errors/app-error";
import { kepError, KEP_ERROR_CODES, type KepErrorCode } from "@/lib/kep/errors";

// Refusals of a КЕП login that are not a verdict on the signature itself (those keep the
// codes of lib/kep/errors.ts: CERTIFICATE_REVOKED, NONCE_USED…). Browser-safe: the login
// form shows the same messages for the codes next-auth hands back.

const KEP_LOGIN_ERRORS = {
  KEP_LOGIN_CHALLENGE_INVALID: [400, "Запит на вхід пошкоджено або змінено: оновіть сторінку й підпишіть знову"],
  NO_ROLES: [403, "Особа з цим ключем не має жодної ролі в порталі: вона не є керівником підприємства, посадовою особою чи військовозобов'язаним"],
  ACCOUNT_DISABLED: [403, "Обліковий запис заблоковано адміністратором порталу"],
  RATE_LIMITED: [429, "Забагато невдалих спроб входу з вашої адреси. Спробуйте пізніше"],
} as const satisfies Record<string, readonly [number, string]>;

export type KepLoginErrorCode = keyof typeof KEP_LOGIN_ERRORS;

export function kepLoginError(code: KepLoginErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  const [status, defaultMessage] = KEP_LOGIN_ERRORS[code];
  return new AppError(code, message ?? defaultMessage, { status, details });
}

export function kepLoginErrorMessage(code: string): string | undefined {
  return code in KEP_LOGIN_ERRORS ? KEP_LOGIN_ERRORS[code as KepLoginErrorCode][1] : undefined;
}

const STALE_CHALLENGE = "Запит на вхід застарів або вже використаний. Ми підготували новий — натисніть «Увійти з КЕП» ще раз.";

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
    if (code === "CERTIFICATE_REVOKED") return `${message}: вхід із цим ключем неможливий. Отримайте новий ключ у свого надавача (КНЕДП).`;
    if (code === "CERTIFICATE_EXPIRED") return `${message}: отримайте новий ключ у свого надавача (КНЕДП).`;
    return `${message}.`;
  }
  return kepLoginErrorMessage(code);
}
