import { ERRORS, type ErrorCode } from "./catalogue";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "./database-unavailable";

// One error class for the whole domain. A code says what went wrong; the HTTP status
// and the default Ukrainian message come from the one catalogue (./catalogue.ts) so that
// pages, server actions and the HR API answer the same way.

export { ERRORS, type ErrorCode } from "./catalogue";

export type AppErrorOptions = {
  /** Field-level problems of a form: field path → Ukrainian message. */
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    const [status, defaultMessage] = ERRORS[code];
    super(message ?? defaultMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.fields = options.fields;
    this.details = options.details;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }

  static notFound(what?: string) {
    return new AppError("NOT_FOUND", what ? `${what}: не знайдено` : undefined);
  }

  static forbidden(message?: string) {
    return new AppError("FORBIDDEN", message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Any thrown value as an AppError; unknown errors become INTERNAL without leaking details. A lost
 * database (stopped, restarting) is SERVICE_UNAVAILABLE, a 503 worth retrying, not a 500.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    reportDatabaseUnavailable();
    return new AppError("SERVICE_UNAVAILABLE", undefined, { cause: error });
  }
  return new AppError("INTERNAL", undefined, { cause: error });
}
