import { ANNULMENT_GROUNDS, REASON_CODES } from "@/lib/rules";

// The JSON shapes of the HR API v1 (OpenAPI 3.1 = JSON Schema 2020-12), as present.ts builds
// them and schemas.ts parses them. Descriptions in Ukrainian: the docs page shows them.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, extra: Record<string, Json> = {}): Json => ({
  type: "string",
  description,
  ...extra,
});
const nullable = (type: string, description: string, extra: Record<string, Json> = {}): Json => ({
  type: [type, "null"],
  description,
  ...extra,
});
const date = (description: string): Json => ({ type: ["string", "null"], format: "date", description });
const obj = (properties: Record<string, Json>, required: string[] = Object.keys(properties)): Json => ({
  type: "object",
  additionalProperties: false,
  properties,
  required,
});
const RNOKPP: Json = { type: "string", pattern: "^\\d{10}$", description: "РНОКПП (10 цифр, з контрольною цифрою)" };
const EDRPOU: Json = { type: "string", pattern: "^\\d{8}$", description: "Код ЄДРПОУ (8 цифр, з контрольною цифрою)" };
const codes: Json = {
  type: "array",
  items: ref("ReasonCode"),
  description: "Коди причин відмови (порожньо, якщо причин немає)",
};
const messages: Json = {
  type: "array",
  items: { type: "string" },
  description: "Ті самі причини словами, з цифрами (поріг, ліміт, дата)",
};
const limit = obj({
  total: { type: "integer", description: "Ліміт бронювання за рішенням" },
  used: { type: "integer", description: "Вже заброньовано" },
  available: { type: "integer", description: "Вільно" },
});

export const COMPONENT_SCHEMAS: Record<string, Json> = {
  ReasonCode: {
    type: "string",
    enum: [...REASON_CODES, "NOT_RESERVED_HERE"],
    description: "Код причини за специфікацією (NOT_RESERVED_HERE — лише в анулюванні)",
  },
  AnnulmentGround: { type: "string", enum: ANNULMENT_GROUNDS.map((g) => g.code), description: "Підстава анулювання" },
  Error: obj({
    error: obj(
      {
        code: str("Код помилки (див. перелік кодів)"),
        message: str("Пояснення українською"),
        fields: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Помилки окремих полів: шлях → пояснення",
        },
        details: { type: "object", description: "Подробиці (наприклад, applicationId для DRAFT_ALREADY_SUBMITTED)" },
      },
      ["code", "message"],
    ),
  }),
  Employee: obj({
    rnokpp: RNOKPP,
    fullName: str("ПІБ за реєстром"),
    position: nullable("string", "Посада"),
    salary: nullable("number", "Нарахована заробітна плата за місяць, грн"),
    militaryStatus: nullable("string", "Статус військового обліку", {
      enum: ["ON_REGISTER", "REMOVED", "EXCLUDED", "NOT_REGISTERED", "BEING_CLARIFIED", "WANTED", null],
    }),
    eligible: { type: "boolean", description: "Може бути заброньований (без урахування ліміту)" },
    reasons: codes,
    messages,
    reservedUntil: date("Останній день чинного бронювання на цьому підприємстві"),
    state: str("Стан бронювання", { enum: ["reserved", "expiring", "reserved_elsewhere", "not_reserved"] }),
  }),
  EmployeeList: obj({
    items: { type: "array", items: ref("Employee") },
    total: { type: "integer", description: "Усього за фільтрами" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
    date: { type: "string", format: "date", description: "День, на який перевірено (Київ)" },
    limit,
  }),
  EmployeeSearchRequest: obj(
    {
      q: str("Частина ПІБ або початок РНОКПП (у тілі запиту, не в адресі)", { minLength: 1, maxLength: 100 }),
      page: { type: "integer", minimum: 1, default: 1, description: "Сторінка, від 1" },
      pageSize: { type: "integer", minimum: 1, maximum: 500, default: 50, description: "Рядків на сторінці, до 500" },
      eligible: { type: "boolean", description: "Лише придатні (true) або лише непридатні (false)" },
      reason: ref("ReasonCode"),
      state: str("Стан бронювання", { enum: ["reserved", "expiring", "reserved_elsewhere", "not_reserved"] }),
      sort: str("Порядок; «-» — спадання", {
        enum: ["name", "-name", "salary", "-salary", "reservedUntil", "-reservedUntil", "hiredOn", "-hiredOn"],
        default: "name",
      }),
    },
    [],
  ),
  ReservationDraftRequest: obj({
    edrpou: EDRPOU,
    employees: {
      type: "array",
      minItems: 1,
      maxItems: 10000,
      description: "Працівники в порядку, у якому до них застосовується ліміт",
      items: obj(
        {
          rnokpp: RNOKPP,
          salary: {
            type: "number",
            exclusiveMinimum: 0,
            description: "Підтверджена заробітна плата, грн (не більше 2 знаків після коми); без неї — за реєстром",
          },
        },
        ["rnokpp"],
      ),
    },
  }),
  PrecheckItem: obj({
    position: { type: "integer", description: "Позиція в заяві, від 1" },
    rnokpp: RNOKPP,
    fullName: nullable("string", "ПІБ за реєстром (null — особи немає в «Оберозі»)"),
    salary: nullable("number", "Заробітна плата, яку підтверджує керівник, грн"),
    eligible: { type: "boolean", description: "Буде заброньований, якщо дані не зміняться" },
    reasons: codes,
    messages,
    reservedFrom: date("Початок бронювання"),
    reservedUntil: date("Кінець бронювання"),
    extension: { type: "boolean", description: "Продовження чинного бронювання" },
  }),
  ReservationDraft: obj({
    draftId: str("Ідентифікатор чернетки", { format: "uuid" }),
    document: str("Base64 точних байтів для підпису (канонічний JSON, RFC 8785)", { contentEncoding: "base64" }),
    expiresAt: str("Чернетка чинна до", { format: "date-time" }),
    date: str("День попередньої перевірки", { format: "date" }),
    ruleset: str("Версія правил бронювання"),
    precheck: { type: "array", items: ref("PrecheckItem") },
    limit,
  }),
  AnnulmentDraftRequest: obj({
    edrpou: EDRPOU,
    ground: ref("AnnulmentGround"),
    employees: { type: "array", minItems: 1, maxItems: 10000, items: obj({ rnokpp: RNOKPP }) },
  }),
  AnnulmentDraft: obj({
    draftId: str("Ідентифікатор чернетки", { format: "uuid" }),
    document: str("Base64 точних байтів для підпису", { contentEncoding: "base64" }),
    expiresAt: str("Чернетка чинна до", { format: "date-time" }),
    date: str("День попередньої перевірки", { format: "date" }),
    ruleset: str("Версія правил"),
    ground: ref("AnnulmentGround"),
    precheck: {
      type: "array",
      items: obj({
        position: { type: "integer" },
        rnokpp: RNOKPP,
        fullName: nullable("string", "ПІБ"),
        annul: { type: "boolean", description: "Бронювання буде анульовано" },
        reasons: codes,
        messages,
        reservedUntil: date("Кінець чинного бронювання"),
      }),
    },
  }),
  SignedSubmission: obj({
    draftId: str("Ідентифікатор чернетки", { format: "uuid" }),
    signature: str("Відокремлений підпис керівника (CMS SignedData, CAdES-BES, DER) у base64", {
      contentEncoding: "base64",
    }),
  }),
  Submitted: obj({
    applicationId: str("Ідентифікатор заяви", { format: "uuid" }),
    status: str("Стан заяви", { enum: ["QUEUED", "PROCESSING", "DECIDED", "FAILED"] }),
    repeated: { type: "boolean", description: "Цей самий підпис уже подавали: повернуто ту саму заяву" },
  }),
  Application: obj({
    id: str("Ідентифікатор заяви", { format: "uuid" }),
    kind: str("Вид заяви", { enum: ["RESERVATION", "ANNULMENT"] }),
    status: str("Стан: QUEUED — у черзі, DECIDED — розглянуто, FAILED — не розглянуто в цілому", {
      enum: ["QUEUED", "PROCESSING", "DECIDED", "FAILED"],
    }),
    edrpou: EDRPOU,
    ground: { anyOf: [ref("AnnulmentGround"), { type: "null" }], description: "Підстава (лише анулювання)" },
    ruleset: nullable("string", "Версія правил, за якими ухвалено рішення"),
    submittedAt: str("Подано", { format: "date-time" }),
    decidedAt: nullable("string", "Розглянуто", { format: "date-time" }),
    counts: obj({
      items: { type: "integer" },
      reserved: { type: "integer", description: "Заброньовано (анульовано — для анулювання)" },
      refused: { type: "integer" },
    }),
    failureReason: nullable("string", "Чому заяву не розглянуто (FAILED)"),
    items: {
      type: "array",
      items: obj({
        position: { type: "integer" },
        rnokpp: RNOKPP,
        fullName: nullable("string", "ПІБ"),
        decision: {
          type: ["string", "null"],
          enum: ["RESERVED", "REFUSED", "ANNULLED", null],
          description: "Рішення (null — ще в черзі)",
        },
        reasons: codes,
        messages,
        reservedFrom: date("Початок бронювання"),
        reservedUntil: date("Кінець бронювання"),
      }),
    },
  }),
};
