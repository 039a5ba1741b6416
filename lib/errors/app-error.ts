// One error class for the whole domain. A code says what went wrong; the HTTP status
// and the default Ukrainian message come from one table so that pages, server actions
// and the HR API answer the same way.

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  INVALID_RNOKPP: 400,
  INVALID_EDRPOU: 400,
  DUPLICATE_EMPLOYEE: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DRAFT_STALE: 409,
  DRAFT_ALREADY_SUBMITTED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type KnownErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<KnownErrorCode, string> = {
  BAD_REQUEST: "Некоректний запит",
  VALIDATION_FAILED: "Дані заповнено з помилками",
  UNKNOWN_FIELD: "Запит містить невідоме поле",
  INVALID_RNOKPP: "Некоректний РНОКПП",
  INVALID_EDRPOU: "Некоректний код ЄДРПОУ",
  DUPLICATE_EMPLOYEE: "Працівника вказано двічі",
  PAYLOAD_TOO_LARGE: "Завеликий обсяг даних",
  UNAUTHENTICATED: "Потрібно увійти",
  FORBIDDEN: "Недостатньо прав для цієї дії",
  NOT_FOUND: "Не знайдено",
  CONFLICT: "Дію не можна виконати в поточному стані",
  DRAFT_STALE: "Чернетка застаріла: сформуйте заяву знову",
  DRAFT_ALREADY_SUBMITTED: "Цю чернетку вже подано",
  RATE_LIMITED: "Забагато спроб. Спробуйте пізніше",
  INTERNAL: "Сталася внутрішня помилка. Спробуйте ще раз",
};

export type AppErrorOptions = {
  /** HTTP status, when the code is not in ERROR_STATUS (e.g. a КЕП verification code). */
  status?: number;
  /** Field-level problems of a form: field path → Ukrainian message. */
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message?: string, options: AppErrorOptions = {}) {
    const known = code in ERROR_STATUS ? (code as KnownErrorCode) : undefined;
    super(message ?? (known ? DEFAULT_MESSAGES[known] : code), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? (known ? ERROR_STATUS[known] : 400);
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

/** Any thrown value as an AppError; unknown errors become INTERNAL without leaking details. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("INTERNAL", undefined, { cause: error });
}
