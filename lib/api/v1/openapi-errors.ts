import { demoApiToken } from "@/lib/api-tokens/token-format";

// The error codes the HR API answers with — each its own code, so that an HR system can act on
// it — with the HTTP status and what the user should do. Shown on /api/v1/docs and in the
// OpenAPI document (x-error-codes). Every answer has the form { "error": { "code", "message" } }.

export type ErrorCodeDoc = { status: number; meaning: string };

export const ERROR_CODES: Record<string, ErrorCodeDoc> = {
  BAD_REQUEST: { status: 400, meaning: "Тіло запиту не є коректним JSON (або не JSON при вході через кабінет)" },
  UNKNOWN_FIELD: { status: 400, meaning: "У запиті є поле, якого API не знає (перевірте написання)" },
  VALIDATION_FAILED: { status: 400, meaning: "Поле заповнено неправильно: тип, формат, кількість працівників (1–10 000)" },
  INVALID_RNOKPP: { status: 400, meaning: "РНОКПП не має 10 цифр або не збігається контрольна цифра" },
  INVALID_EDRPOU: { status: 400, meaning: "Код ЄДРПОУ не має 8 цифр або не збігається контрольна цифра" },
  DUPLICATE_EMPLOYEE: { status: 400, meaning: "Працівника вказано двічі; у повідомленні — РНОКПП і позиції" },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: "Запит завеликий" },
  UNAUTHENTICATED: { status: 401, meaning: "Немає заголовка Authorization: Bearer … (і немає сеансу кабінету)" },
  API_TOKEN_INVALID: { status: 401, meaning: "Токен невідомий, або його власник більше не керівник підприємства" },
  API_TOKEN_REVOKED: { status: 401, meaning: "Токен відкликано в кабінеті підприємства" },
  FORBIDDEN: { status: 403, meaning: "Ваша роль не дозволяє цю дію (довірена особа готує, але не подає заяву)" },
  ENTERPRISE_NOT_FOUND: { status: 404, meaning: "Підприємство не знайдено або ви не дієте від його імені" },
  DRAFT_NOT_FOUND: { status: 404, meaning: "Чернетку не знайдено (або вона належить іншому підприємству, або це чернетка іншого виду)" },
  APPLICATION_NOT_FOUND: { status: 404, meaning: "Заяву не знайдено (або вона належить іншому підприємству)" },
  DRAFT_STALE: { status: 409, meaning: "Минуло 24 години: сформуйте чернетку знову" },
  DRAFT_ALREADY_SUBMITTED: { status: 409, meaning: "Чернетку вже подано з іншим підписом; у details.applicationId — та заява" },
  ANNULMENT_GROUND_UNKNOWN: { status: 400, meaning: "Невідома підстава анулювання" },
  ANNULMENT_GROUND_NOT_ALLOWED: { status: 400, meaning: "Цю підставу застосовує система, а не керівник" },
  ANNULMENT_GROUND_NOT_APPLICABLE: { status: 400, meaning: "Підстава не діє (наприклад, рішення про критичність ще чинне)" },
  ANNULMENT_TOO_SOON: { status: 409, meaning: "З 01.02.2026 заяву на анулювання можна подавати не частіше ніж раз на 5 календарних днів; у details.possibleFrom — дата, з якої можна подати наступну" },
  SIGNER_NOT_HEAD: { status: 403, meaning: "Підписав не керівник цього підприємства" },
  EDRPOU_MISMATCH: { status: 403, meaning: "Сертифікат видано для іншого підприємства" },
  CONTENT_MISMATCH: { status: 400, meaning: "Підписано інші байти, ніж у полі document чернетки" },
  SIGNATURE_MALFORMED: { status: 400, meaning: "Підпис пошкоджений або не є CMS (.p7s)" },
  SIGNATURE_INVALID: { status: 401, meaning: "Підпис не створений ключем цього сертифіката" },
  CERTIFICATE_UNTRUSTED: { status: 401, meaning: "Сертифікат видано не довіреним надавачем" },
  CERTIFICATE_REVOKED: { status: 401, meaning: "Сертифікат скасовано" },
  CERTIFICATE_EXPIRED: { status: 401, meaning: "Строк дії сертифіката минув" },
  SIGNATURE_REPLAYED: { status: 409, meaning: "Цей підпис уже використано для іншого документа" },
  NONCE_USED: { status: 409, meaning: "Одноразовий код чернетки вже використано" },
};

/** The values the examples use: the demo's 10,000-employee enterprise and its documented demo token. */
export const DEMO_EXAMPLE = {
  edrpou: "34218763",
  token: demoApiToken("34218763"),
  rnokpp: "3151303157",
  rnokpp2: "1759013776",
  draftId: "0b9b3c52-2f0e-4d4a-9a55-6f1e2c3d4b5a",
  applicationId: "6c2f8e10-3b1a-4c5d-8e9f-0a1b2c3d4e5f",
} as const;
