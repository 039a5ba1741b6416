import { DEMO_EXAMPLE, ERROR_CODES, type ApiErrorCode, type ErrorCodeDoc } from "./openapi-errors";
import { COMPONENT_SCHEMAS } from "./openapi-schemas";

// The HR API v1 as an OpenAPI 3.1 document, written by hand beside the zod schemas it
// describes (schemas.ts). A unit test holds the two together: every path and method here is a
// route file under app/api/v1 and vice versa, and every request example parses with the zod
// schema of its handler. /api/v1/openapi.json serves it; /api/v1/docs renders it in Ukrainian.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type OperationDoc = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: { required: true; content: { "application/json": { schema: Json; example: Json } } };
  responses: Record<
    string,
    { description: string; content?: { "application/json": { schema: Json; example?: Json } } }
  >;
  /** The error codes this operation may answer with (shown on the docs page). */
  "x-error-codes": ApiErrorCode[];
  /** A ready-to-run curl line for the docs page. */
  "x-curl": string;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<"get" | "post", OperationDoc>>>;
  components: { securitySchemes: Record<string, Json>; schemas: Record<string, Json> };
  "x-error-codes": Record<string, ErrorCodeDoc>;
};

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: STATUS_TEXT[status] ?? "Помилка", content: { "application/json": { schema: ref("Error") } } },
    ]),
  );
const STATUS_TEXT: Record<number, string> = {
  400: "Некоректний запит: тіло, поле, РНОКПП, ЄДРПОУ, повтор працівника, підпис",
  401: "Немає або недійсний токен, недійсний сертифікат",
  403: "Роль не дозволяє дію або підписувач не керівник",
  404: "Не знайдено (чуже підприємство, чернетка чи заява — так само)",
  409: "Конфлікт стану: чернетка застаріла або вже подана, підпис уже використано",
  413: "Завеликий запит",
};

const BASE = "https://bronya.example.gov.ua";
const AUTH = `-H "Authorization: Bearer ${DEMO_EXAMPLE.token}"`;
const JSON_TYPE = `-H "Content-Type: application/json"`;

const searchExample: Json = { q: DEMO_EXAMPLE.rnokpp.slice(0, 6), pageSize: 20, eligible: true };
const draftExample: Json = {
  edrpou: DEMO_EXAMPLE.edrpou,
  employees: [{ rnokpp: DEMO_EXAMPLE.rnokpp, salary: 30000 }, { rnokpp: DEMO_EXAMPLE.rnokpp2 }],
};
const submitExample: Json = {
  draftId: DEMO_EXAMPLE.draftId,
  signature: "MIIKmQYJKoZIhvcNAQcCoIIKijCCCoYCAQExDzANBglghkgBZQMEAgEFADALBgkqhkiG9w0BBwE=",
};
const annulmentExample: Json = {
  edrpou: DEMO_EXAMPLE.edrpou,
  ground: "HEAD_REQUEST",
  employees: [{ rnokpp: DEMO_EXAMPLE.rnokpp }],
};

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Броня — HR API",
    version: "1.0.0",
    description:
      "API для кадрових систем критично важливих підприємств: перелік працівників з придатністю до бронювання, " +
      "чернетка заяви з попередньою перевіркою, подання заяви з КЕП керівника, результат по кожному працівнику, анулювання. " +
      "Подання — у два кроки: сервер формує точні байти документа (канонічний JSON, RFC 8785), керівник підписує їх своїм " +
      "ключем (відокремлений CAdES-BES, .p7s) і передає підпис. Рішення ухвалюється за секунди.",
  },
  servers: [{ url: "/", description: "Цей портал" }],
  security: [{ bearerToken: [] }, { session: [] }],
  tags: [
    { name: "Працівники", description: "Працівники підприємства за даними реєстрів" },
    { name: "Бронювання", description: "Заяви про бронювання: чернетка, подання, результат" },
    { name: "Анулювання", description: "Заяви про анулювання бронювання" },
    { name: "Опис", description: "Цей документ" },
  ],
  paths: {
    "/api/v1/enterprises/{edrpou}/employees": {
      get: {
        operationId: "listEmployees",
        summary: "Працівники підприємства",
        description:
          "Усі, кого реєстри знають як працевлаштованих на підприємстві сьогодні: посада, заробітна плата, військовий облік, " +
          "чи може особа бути заброньована (без урахування ліміту) і чому ні, строк чинного бронювання. РНОКПП — повністю.",
        tags: ["Працівники"],
        parameters: [
          {
            name: "edrpou",
            in: "path",
            required: true,
            description: "Код ЄДРПОУ підприємства",
            schema: { type: "string", pattern: "^\\d{8}$" },
            example: DEMO_EXAMPLE.edrpou,
          },
          {
            name: "page",
            in: "query",
            required: false,
            description: "Сторінка, від 1",
            schema: { type: "integer", minimum: 1, default: 1 },
          },
          {
            name: "pageSize",
            in: "query",
            required: false,
            description: "Рядків на сторінці, до 500",
            schema: { type: "integer", minimum: 1, maximum: 500, default: 50 },
          },
          {
            name: "eligible",
            in: "query",
            required: false,
            description: "Лише придатні (true) або лише непридатні (false)",
            schema: { type: "boolean" },
          },
          {
            name: "q",
            in: "query",
            required: false,
            description:
              "Частина ПІБ (лише літери: РНОКПП в адресі відхиляється кодом RNOKPP_IN_QUERY — шукайте за ним через POST …/employees/search)",
            schema: { type: "string", maxLength: 100, pattern: "^\\D*$" },
          },
          {
            name: "reason",
            in: "query",
            required: false,
            description: "Лише з цією причиною відмови",
            schema: ref("ReasonCode"),
          },
          {
            name: "state",
            in: "query",
            required: false,
            description: "Стан бронювання",
            schema: { type: "string", enum: ["reserved", "expiring", "reserved_elsewhere", "not_reserved"] },
          },
          {
            name: "sort",
            in: "query",
            required: false,
            description: "Порядок; «-» — спадання",
            schema: {
              type: "string",
              enum: ["name", "-name", "salary", "-salary", "reservedUntil", "-reservedUntil", "hiredOn", "-hiredOn"],
              default: "name",
            },
          },
        ],
        responses: {
          "200": {
            description: "Сторінка працівників",
            content: { "application/json": { schema: ref("EmployeeList") } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
        "x-error-codes": [
          "INVALID_EDRPOU",
          "RNOKPP_IN_QUERY",
          "UNKNOWN_FIELD",
          "VALIDATION_FAILED",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "API_TOKEN_REVOKED",
          "FORBIDDEN",
          "ENTERPRISE_NOT_FOUND",
        ],
        "x-curl": `curl ${AUTH} "${BASE}/api/v1/enterprises/${DEMO_EXAMPLE.edrpou}/employees?page=1&pageSize=50&eligible=true"`,
      },
    },
    "/api/v1/enterprises/{edrpou}/employees/search": {
      post: {
        operationId: "searchEmployees",
        summary: "Пошук працівників (за ПІБ або РНОКПП)",
        description:
          "Те саме, що перелік працівників, але фільтри — у тілі запиту JSON: так РНОКПП не потрапляє в адресу, журнали проксі " +
          "й заголовок Referer. q — частина ПІБ або початок РНОКПП.",
        tags: ["Працівники"],
        parameters: [
          {
            name: "edrpou",
            in: "path",
            required: true,
            description: "Код ЄДРПОУ підприємства",
            schema: { type: "string", pattern: "^\\d{8}$" },
            example: DEMO_EXAMPLE.edrpou,
          },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("EmployeeSearchRequest"), example: searchExample } },
        },
        responses: {
          "200": {
            description: "Сторінка працівників",
            content: { "application/json": { schema: ref("EmployeeList") } },
          },
          ...errorResponses(400, 401, 403, 404, 413),
        },
        "x-error-codes": [
          "BAD_REQUEST",
          "INVALID_EDRPOU",
          "UNKNOWN_FIELD",
          "VALIDATION_FAILED",
          "PAYLOAD_TOO_LARGE",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "API_TOKEN_REVOKED",
          "FORBIDDEN",
          "ENTERPRISE_NOT_FOUND",
        ],
        "x-curl": `curl -X POST ${AUTH} ${JSON_TYPE} ${BASE}/api/v1/enterprises/${DEMO_EXAMPLE.edrpou}/employees/search \\\n  -d '${JSON.stringify(searchExample)}'`,
      },
    },
    "/api/v1/applications/drafts": {
      post: {
        operationId: "createReservationDraft",
        summary: "Чернетка заяви про бронювання",
        description:
          "Перелік працівників у бажаному порядку (ліміт застосовується саме в ньому) і, за потреби, підтверджена заробітна плата в гривнях. " +
          "Відповідь: попередня перевірка кожного працівника, ліміт і поле document — base64 точних байтів, які має підписати керівник. " +
          "Чернетка чинна 24 години. Підготувати її може й довірена особа; підписує лише керівник.",
        tags: ["Бронювання"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("ReservationDraftRequest"), example: draftExample } },
        },
        responses: {
          "201": {
            description: "Чернетку створено",
            content: { "application/json": { schema: ref("ReservationDraft") } },
          },
          ...errorResponses(400, 401, 403, 404, 413),
        },
        "x-error-codes": [
          "BAD_REQUEST",
          "UNKNOWN_FIELD",
          "INVALID_RNOKPP",
          "INVALID_EDRPOU",
          "DUPLICATE_EMPLOYEE",
          "VALIDATION_FAILED",
          "PAYLOAD_TOO_LARGE",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "API_TOKEN_REVOKED",
          "FORBIDDEN",
          "ENTERPRISE_NOT_FOUND",
        ],
        "x-curl": `curl -X POST ${AUTH} ${JSON_TYPE} ${BASE}/api/v1/applications/drafts \\\n  -d '${JSON.stringify(draftExample)}'`,
      },
    },
    "/api/v1/applications": {
      post: {
        operationId: "submitApplication",
        summary: "Подання підписаної заяви",
        description:
          "Ідентифікатор чернетки і відокремлений підпис керівника (CMS/CAdES-BES, DER, у base64) над байтами з поля document. " +
          "Заяву прийнято до розгляду (202); результат — GET /api/v1/applications/{id}, зазвичай за 1–2 секунди. " +
          "Повторне подання того самого підпису повертає ту саму заяву (repeated: true).",
        tags: ["Бронювання"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("SignedSubmission"), example: submitExample } },
        },
        responses: {
          "202": {
            description: "Заяву прийнято до розгляду",
            content: { "application/json": { schema: ref("Submitted") } },
          },
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
        "x-error-codes": [
          "BAD_REQUEST",
          "UNKNOWN_FIELD",
          "VALIDATION_FAILED",
          "DRAFT_NOT_FOUND",
          "DRAFT_STALE",
          "DRAFT_ALREADY_SUBMITTED",
          "FORBIDDEN",
          "SIGNER_NOT_HEAD",
          "EDRPOU_MISMATCH",
          "CONTENT_MISMATCH",
          "SIGNATURE_MALFORMED",
          "SIGNATURE_INVALID",
          "CERTIFICATE_UNTRUSTED",
          "CERTIFICATE_REVOKED",
          "CERTIFICATE_EXPIRED",
          "SIGNATURE_REPLAYED",
          "NONCE_USED",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "API_TOKEN_REVOKED",
        ],
        "x-curl": `curl -X POST ${AUTH} ${JSON_TYPE} ${BASE}/api/v1/applications \\\n  -d "{\\"draftId\\":\\"${DEMO_EXAMPLE.draftId}\\",\\"signature\\":\\"$(base64 -w0 application.p7s)\\"}"`,
      },
    },
    "/api/v1/applications/{id}": {
      get: {
        operationId: "getApplication",
        summary: "Заява та її результат",
        description:
          "Стан заяви (QUEUED → DECIDED) і результат по кожному працівнику: RESERVED зі строком або REFUSED з кодами причин. Так само для заяв про анулювання (ANNULLED / REFUSED).",
        tags: ["Бронювання", "Анулювання"],
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "Ідентифікатор заяви",
            schema: { type: "string", format: "uuid" },
            example: DEMO_EXAMPLE.applicationId,
          },
        ],
        responses: {
          "200": { description: "Заява", content: { "application/json": { schema: ref("Application") } } },
          ...errorResponses(400, 401, 403, 404),
        },
        "x-error-codes": [
          "VALIDATION_FAILED",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "API_TOKEN_REVOKED",
          "FORBIDDEN",
          "APPLICATION_NOT_FOUND",
        ],
        "x-curl": `curl ${AUTH} ${BASE}/api/v1/applications/${DEMO_EXAMPLE.applicationId}`,
      },
    },
    "/api/v1/annulments/drafts": {
      post: {
        operationId: "createAnnulmentDraft",
        summary: "Чернетка заяви про анулювання",
        description:
          "Працівники, чиє бронювання на підприємстві слід анулювати, і підстава з переліку для керівника " +
          "(DECISION_EXPIRED, DISMISSAL, CONTRACT_SUSPENDED, DEFERMENT_OTHER_GROUND, HEAD_REQUEST). Відповідь — як у чернетки заяви про бронювання.",
        tags: ["Анулювання"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("AnnulmentDraftRequest"), example: annulmentExample } },
        },
        responses: {
          "201": {
            description: "Чернетку створено",
            content: { "application/json": { schema: ref("AnnulmentDraft") } },
          },
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
        "x-error-codes": [
          "BAD_REQUEST",
          "UNKNOWN_FIELD",
          "INVALID_RNOKPP",
          "INVALID_EDRPOU",
          "DUPLICATE_EMPLOYEE",
          "VALIDATION_FAILED",
          "ANNULMENT_GROUND_UNKNOWN",
          "ANNULMENT_GROUND_NOT_ALLOWED",
          "ANNULMENT_GROUND_NOT_APPLICABLE",
          "ANNULMENT_TOO_SOON",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
          "FORBIDDEN",
          "ENTERPRISE_NOT_FOUND",
        ],
        "x-curl": `curl -X POST ${AUTH} ${JSON_TYPE} ${BASE}/api/v1/annulments/drafts \\\n  -d '${JSON.stringify(annulmentExample)}'`,
      },
    },
    "/api/v1/annulments": {
      post: {
        operationId: "submitAnnulment",
        summary: "Подання підписаної заяви про анулювання",
        description:
          "Як подання заяви про бронювання: ідентифікатор чернетки і підпис керівника. Результат — GET /api/v1/applications/{id}.",
        tags: ["Анулювання"],
        requestBody: {
          required: true,
          content: { "application/json": { schema: ref("SignedSubmission"), example: submitExample } },
        },
        responses: {
          "202": {
            description: "Заяву прийнято до розгляду",
            content: { "application/json": { schema: ref("Submitted") } },
          },
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
        "x-error-codes": [
          "BAD_REQUEST",
          "UNKNOWN_FIELD",
          "VALIDATION_FAILED",
          "DRAFT_NOT_FOUND",
          "DRAFT_STALE",
          "DRAFT_ALREADY_SUBMITTED",
          "ANNULMENT_TOO_SOON",
          "FORBIDDEN",
          "SIGNER_NOT_HEAD",
          "CONTENT_MISMATCH",
          "SIGNATURE_INVALID",
          "UNAUTHENTICATED",
          "API_TOKEN_INVALID",
        ],
        "x-curl": `curl -X POST ${AUTH} ${JSON_TYPE} ${BASE}/api/v1/annulments \\\n  -d "{\\"draftId\\":\\"${DEMO_EXAMPLE.draftId}\\",\\"signature\\":\\"$(base64 -w0 annulment.p7s)\\"}"`,
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "Цей опис у форматі OpenAPI 3.1",
        description: "Машиночитний опис HR API. Доступний без автентифікації.",
        tags: ["Опис"],
        responses: { "200": { description: "Документ OpenAPI 3.1" } },
        "x-error-codes": [],
        "x-curl": `curl ${BASE}/api/v1/openapi.json`,
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description: "Токен API, який керівник випускає в кабінеті підприємства: brn_ і 43 символи.",
      },
      session: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "Сеанс кабінету підприємства (керівник або довірена особа).",
      },
    },
    schemas: COMPONENT_SCHEMAS,
  },
  "x-error-codes": ERROR_CODES,
};
