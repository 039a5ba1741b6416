import { demoApiToken } from "@/lib/api-tokens/token-format";

import { ERRORS, type ErrorCode } from "@/lib/errors/catalogue";

// The error codes the HR API answers with — each its own code, so that an HR system can act on
// it — with what the user should do. The code and its HTTP status come from the one catalogue
// (lib/errors/catalogue.ts): a code that is not there fails type-checking. Shown on
// /api/v1/docs and in the OpenAPI document (x-error-codes). Every answer has the form
// { "error": { "code", "message" } }.

export type ErrorCodeDoc = { status: number; meaning: string };

const MEANINGS = {
  BAD_REQUEST: "Тіло запиту не є коректним JSON (або не JSON при вході через кабінет)",
  UNKNOWN_FIELD: "У запиті є поле, якого API не знає (перевірте написання)",
  VALIDATION_FAILED: "Поле заповнено неправильно: тип, формат, кількість працівників (1–10 000)",
  INVALID_RNOKPP: "РНОКПП не має 10 цифр або не збігається контрольна цифра",
  INVALID_EDRPOU: "Код ЄДРПОУ не має 8 цифр або не збігається контрольна цифра",
  RNOKPP_IN_QUERY:
    "У параметрі q рядка запиту є цифри (РНОКПП): адреси потрапляють до журналів, тож шукайте за РНОКПП запитом POST …/employees/search",
  DUPLICATE_EMPLOYEE: "Працівника вказано двічі; у повідомленні — РНОКПП і позиції",
  PAYLOAD_TOO_LARGE: "Запит завеликий",
  UNAUTHENTICATED: "Немає заголовка Authorization: Bearer … (і немає сеансу кабінету)",
  API_TOKEN_INVALID: "Токен невідомий, або його власник більше не керівник підприємства",
  API_TOKEN_REVOKED: "Токен відкликано в кабінеті підприємства",
  FORBIDDEN: "Ваша роль не дозволяє цю дію (довірена особа готує, але не подає заяву)",
  ENTERPRISE_NOT_FOUND: "Підприємство не знайдено або ви не дієте від його імені",
  DRAFT_NOT_FOUND: "Чернетку не знайдено (або вона належить іншому підприємству, або це чернетка іншого виду)",
  APPLICATION_NOT_FOUND: "Заяву не знайдено (або вона належить іншому підприємству)",
  DRAFT_STALE: "Минуло 24 години: сформуйте чернетку знову",
  DRAFT_ALREADY_SUBMITTED: "Чернетку вже подано з іншим підписом; у details.applicationId — та заява",
  ANNULMENT_GROUND_UNKNOWN: "Невідома підстава анулювання",
  ANNULMENT_GROUND_NOT_ALLOWED: "Цю підставу застосовує система, а не керівник",
  ANNULMENT_GROUND_NOT_APPLICABLE: "Підстава не діє (наприклад, рішення про критичність ще чинне)",
  ANNULMENT_TOO_SOON:
    "З 01.02.2026 заяву на анулювання можна подавати не частіше ніж раз на 5 календарних днів; у details.possibleFrom — дата, з якої можна подати наступну",
  SIGNER_NOT_HEAD: "Підписав не керівник цього підприємства",
  EDRPOU_MISMATCH: "Сертифікат видано для іншого підприємства",
  CONTENT_MISMATCH: "Підписано інші байти, ніж у полі document чернетки",
  SIGNATURE_MALFORMED: "Підпис пошкоджений або не є CMS (.p7s)",
  SIGNATURE_INVALID: "Підпис не створений ключем цього сертифіката",
  CERTIFICATE_UNTRUSTED: "Сертифікат видано не довіреним надавачем",
  CERTIFICATE_REVOKED: "Сертифікат скасовано",
  CERTIFICATE_EXPIRED: "Строк дії сертифіката минув",
  SIGNATURE_REPLAYED: "Цей підпис уже використано для іншого документа",
  NONCE_USED: "Одноразовий код чернетки вже використано",
} as const satisfies Partial<Record<ErrorCode, string>>;

export type ApiErrorCode = keyof typeof MEANINGS;

export const ERROR_CODES = Object.fromEntries(
  (Object.keys(MEANINGS) as ApiErrorCode[]).map((code) => [code, { status: ERRORS[code][0], meaning: MEANINGS[code] }]),
) as Record<ApiErrorCode, ErrorCodeDoc>;

/** The values the examples use: the demo's 10,000-employee enterprise and its documented demo token. */
export const DEMO_EXAMPLE = {
  edrpou: "34218763",
  token: demoApiToken("34218763"),
  rnokpp: "3151303157",
  rnokpp2: "1759013776",
  draftId: "0b9b3c52-2f0e-4d4a-9a55-6f1e2c3d4b5a",
  applicationId: "6c2f8e10-3b1a-4c5d-8e9f-0a1b2c3d4e5f",
} as const;
