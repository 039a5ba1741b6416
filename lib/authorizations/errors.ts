import { AppError } from "@/lib/errors";

// The refusals of granting and withdrawing an authorization, each with its own code, status
// and Ukrainian message. Another enterprise's authorization answers as an unknown one: 404.

const AUTHORIZATION_ERRORS = {
  PERSON_NOT_FOUND: [404, "Особу з таким РНОКПП не знайдено в реєстрі «Оберіг»: перевірте номер"],
  SELF_AUTHORIZATION: [409, "Керівник сам готує й підписує заяви: уповноважувати себе не потрібно"],
  ALREADY_AUTHORIZED: [409, "Ця особа вже уповноважена готувати заяви підприємства"],
  AUTHORIZATION_NOT_FOUND: [404, "Уповноваження не знайдено"],
  AUTHORIZATION_WITHDRAWN: [409, "Це уповноваження вже відкликано"],
} as const satisfies Record<string, readonly [number, string]>;

export type AuthorizationErrorCode = keyof typeof AUTHORIZATION_ERRORS;

export function authorizationError(code: AuthorizationErrorCode, details?: Record<string, unknown>): AppError {
  const [status, message] = AUTHORIZATION_ERRORS[code];
  return new AppError(code, message, { status, details });
}
