import type { z } from "zod";
import { AppError } from "./app-error";
import { isErrorCode, type ErrorCode } from "./catalogue";

/**
 * Turns a zod failure into a VALIDATION_FAILED AppError with a Ukrainian message per field.
 * A custom issue may carry its own code in params.code (e.g. INVALID_RNOKPP); the first such
 * code becomes the error's code so that API clients can tell problems apart.
 */
export function zodToAppError(error: z.ZodError, fallbackMessage = "Дані заповнено з помилками"): AppError {
  const fields: Record<string, string> = {};
  let code: ErrorCode = "VALIDATION_FAILED";
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    fields[path] ??= issue.message;
    const issueCode = issue.code === "custom" ? (issue.params as { code?: string } | undefined)?.code : undefined;
    if (isErrorCode(issueCode) && code === "VALIDATION_FAILED") code = issueCode;
    if (issue.code === "unrecognized_keys" && code === "VALIDATION_FAILED") code = "UNKNOWN_FIELD";
  }
  const first = Object.entries(fields)[0];
  const message = Object.keys(fields).length === 1 && first ? first[1] : fallbackMessage;
  return new AppError(code, message, { fields });
}

/** Parses input with a schema or throws a VALIDATION_FAILED AppError. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw zodToAppError(result.error);
  return result.data;
}
