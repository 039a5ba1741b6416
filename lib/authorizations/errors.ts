import { AppError, type ErrorCode } from "@/lib/errors";

// The refusals of granting and withdrawing an authorization (codes, statuses and messages in the
// one catalogue, lib/errors/catalogue.ts). Another enterprise's authorization answers as an
// unknown one: 404.

export type AuthorizationErrorCode = Extract<
  ErrorCode,
  | "PERSON_NOT_FOUND"
  | "SELF_AUTHORIZATION"
  | "ALREADY_AUTHORIZED"
  | "AUTHORIZATION_NOT_FOUND"
  | "AUTHORIZATION_WITHDRAWN"
>;

export function authorizationError(code: AuthorizationErrorCode, details?: Record<string, unknown>): AppError {
  return new AppError(code, undefined, { details });
}
