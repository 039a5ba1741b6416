import { AppError } from "@/lib/errors/app-error";
import { KEP_ERROR_CODES, type KepErrorCode } from "@/lib/errors/catalogue";

// Every КЕП failure has its own code, HTTP status and Ukrainian message (in the one catalogue,
// lib/errors/catalogue.ts, section KEP), so that a signer learns exactly what to fix and tests
// can tell one refusal from another. Browser-safe: the key-file errors are raised in the browser.

export { KEP_ERROR_CODES, type KepErrorCode };

export function kepError(code: KepErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message, { details });
}

export function isKepError(error: unknown, code?: KepErrorCode): error is AppError {
  return (
    error instanceof AppError &&
    (KEP_ERROR_CODES as string[]).includes(error.code) &&
    (code === undefined || error.code === code)
  );
}
