import { AppError } from "@/lib/errors/app-error";

// Every КЕП failure has its own code, HTTP status and Ukrainian message, so that a signer
// learns exactly what to fix and tests can tell one refusal from another. Browser-safe:
// the key-file errors are raised in the browser.

const KEP_ERRORS = {
  // The signer's side (browser): opening the key file
  BAD_KEY_FILE: [400, "Файл не є ключем у форматі PKCS#12 (.p12/.pfx) або пошкоджений"],
  WRONG_PASSWORD: [400, "Неправильний пароль до файлу ключа"],
  NO_PRIVATE_KEY: [400, "У файлі немає особистого ключа"],
  NO_CERTIFICATE: [400, "У файлі ключа немає сертифіката підписувача"],
  KEY_CERTIFICATE_MISMATCH: [400, "Сертифікат у файлі не відповідає особистому ключу"],
  KEY_ALGORITHM_UNSUPPORTED: [400, "Алгоритм ключа не підтримується: потрібен ключ RSA"],

  // Verification, step 1: structure
  SIGNATURE_TOO_LARGE: [413, "Файл підпису завеликий"],
  SIGNATURE_MALFORMED: [400, "Файл підпису пошкоджений або не є підписом CMS (.p7s)"],
  SIGNATURE_NOT_DETACHED: [400, "Підпис містить дані всередині; потрібен відокремлений підпис"],
  SIGNER_COUNT: [400, "Підпис має містити рівно одного підписувача"],
  CERTIFICATE_MISSING: [400, "У підписі немає сертифіката підписувача"],
  SIGNATURE_ALGORITHM_UNSUPPORTED: [
    400,
    "Алгоритм підпису не підтримується: потрібен ДСТУ 4145 з ГОСТ 34.311, ECDSA з SHA-256/384 або RSA з SHA-256",
  ],
  SIGNATURE_ALGORITHM_MISMATCH: [400, "Алгоритм підпису не відповідає ключу сертифіката підписувача"],
  CURVE_UNSUPPORTED: [400, "Крива ключа ECDSA не підтримується: потрібна P-256 або P-384"],
  SIGNING_TIME_MISSING: [400, "У підписі немає часу підписання"],
  SIGNING_TIME_IN_FUTURE: [400, "Час підписання в підписі ще не настав: перевірте годинник комп'ютера"],
  SIGNING_CERTIFICATE_MISSING: [400, "Підпис не є CAdES-BES: немає атрибута сертифіката підписувача"],
  // Steps 2–3: content and signature
  CONTENT_MISMATCH: [400, "Підпис накладено на інші дані, ніж подано"],
  SIGNATURE_VALUE_MALFORMED: [400, "Значення підпису пошкоджене: воно не є підписом цього алгоритму"],
  SIGNATURE_INVALID: [401, "Підпис недійсний: він не створений ключем цього сертифіката"],
  SIGNING_CERTIFICATE_MISMATCH: [401, "Підписаний атрибут не відповідає сертифікату підписувача"],
  // Steps 4–6: certificate
  CERTIFICATE_UNTRUSTED: [401, "Сертифікат видано не довіреним надавачем електронних довірчих послуг"],
  CERTIFICATE_EXPIRED: [401, "Строк дії сертифіката минув"],
  CERTIFICATE_NOT_YET_VALID: [401, "Строк дії сертифіката ще не почався"],
  CERTIFICATE_REVOKED: [401, "Сертифікат скасовано"],
  CERTIFICATE_UNKNOWN: [401, "Сертифікат не зареєстровано у надавача"],
  CERTIFICATE_STATUS_UNAVAILABLE: [503, "Не вдалося перевірити статус сертифіката: надавач не відповідає, спробуйте пізніше"],
  NO_NON_REPUDIATION: [403, "Сертифікат не призначений для кваліфікованого електронного підпису (немає «неспростовності»)"],
  CERTIFICATE_PROFILE_INVALID: [403, "Сертифікат не містить коректного РНОКПП підписувача"],
  // Step 7: identity
  SIGNER_NOT_HEAD: [403, "Підписувач не є керівником цього підприємства"],
  EDRPOU_MISMATCH: [403, "Сертифікат видано для іншого підприємства (ЄДРПОУ не збігається)"],
  SIGNER_NOT_OFFICIAL: [403, "Підписувач не є посадовою особою цього органу"],
  // Step 8: replay
  SIGNATURE_REPLAYED: [409, "Цей підпис уже використано"],
  NONCE_UNKNOWN: [401, "Невідомий одноразовий код: оновіть сторінку й підпишіть знову"],
  NONCE_EXPIRED: [401, "Строк дії одноразового коду минув: оновіть сторінку й підпишіть знову"],
  NONCE_USED: [409, "Одноразовий код уже використано: оновіть сторінку й підпишіть знову"],
  // The provider
  CERTIFICATE_ALREADY_REVOKED: [409, "Сертифікат уже скасовано"],
  PROVIDER_NOT_INITIALIZED: [503, "Тестовий КНЕДП ще не ініціалізовано: запустіть портал через npm run dev або виконайте сід"],
} as const satisfies Record<string, readonly [number, string]>;

export type KepErrorCode = keyof typeof KEP_ERRORS;

export const KEP_ERROR_CODES = Object.keys(KEP_ERRORS) as KepErrorCode[];

export function kepError(code: KepErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  const [status, defaultMessage] = KEP_ERRORS[code];
  return new AppError(code, message ?? defaultMessage, { status, details });
}

export function isKepError(error: unknown, code?: KepErrorCode): error is AppError {
  return error instanceof AppError && error.code in KEP_ERRORS && (code === undefined || error.code === code);
}
