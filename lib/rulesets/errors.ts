import { AppError, type ErrorCode } from "@/lib/errors";

// The refusals of the ruleset versions (codes, statuses and messages in the one catalogue,
// lib/errors/catalogue.ts, section RULESETS).

export type RulesetErrorCode = Extract<ErrorCode, `RULESET_${string}` | "SIGNER_NOT_METHODOLOGIST">;

export function rulesetError(
  code: RulesetErrorCode,
  message?: string,
  options: { details?: Record<string, unknown>; fields?: Record<string, string> } = {},
): AppError {
  return new AppError(code, message, options);
}
