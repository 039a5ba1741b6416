// The one error catalogue: every code the portal answers with → its HTTP status and the
// default Ukrainian message. Pages, server actions, the HR API (and its OpenAPI document,
// lib/api/v1/openapi-errors.ts) and the scripts all read this table; `AppError` accepts only
// these codes, so an unknown one fails type-checking. HR systems branch on the codes: never
// rename one. Pure: the browser shows these messages too.
//
// A new code: add it to its domain's section below (or start a section and spread it into
// ERRORS). A call may pass a more precise message; the status always comes from here.

type Entry = readonly [status: number, message: string];

const COMMON = {
  BAD_REQUEST: [400, "Некоректний запит"],
  VALIDATION_FAILED: [400, "Дані заповнено з помилками"],
  UNKNOWN_FIELD: [400, "Запит містить невідоме поле"],
  INVALID_RNOKPP: [400, "Некоректний РНОКПП"],
  INVALID_EDRPOU: [400, "Некоректний код ЄДРПОУ"],
  RNOKPP_IN_QUERY: [
    400,
    "РНОКПП не передають у рядку запиту (він потрапляє до журналів проксі): шукайте за РНОКПП запитом POST …/employees/search",
  ],
  PAYLOAD_TOO_LARGE: [413, "Завеликий обсяг даних"],
  UNAUTHENTICATED: [401, "Потрібно увійти"],
  FORBIDDEN: [403, "Недостатньо прав для цієї дії"],
  NOT_FOUND: [404, "Не знайдено"],
  CONFLICT: [409, "Дію не можна виконати в поточному стані"],
  RATE_LIMITED: [429, "Забагато спроб. Спробуйте пізніше"],
  SERVICE_UNAVAILABLE: [503, "Портал тимчасово недоступний: база даних не відповідає. Спробуйте ще раз за хвилину"],
  INTERNAL: [500, "Сталася внутрішня помилка. Спробуйте ще раз"],
} as const satisfies Record<string, Entry>;

/** Signing in: passwords, one-time codes, КЕП login, HR API tokens. */
const AUTH = {
  INVALID_CREDENTIALS: [401, "Неправильний логін або пароль"],
  ACCOUNT_LOCKED: [429, "Забагато невдалих спроб. Спробуйте пізніше"],
  TOTP_REQUIRED: [401, "Введіть одноразовий код із застосунку-автентифікатора"],
  TOTP_INVALID: [401, "Одноразовий код неправильний або застарів"],
  KEP_LOGIN_CHALLENGE_INVALID: [400, "Запит на вхід пошкоджено або змінено: оновіть сторінку й підпишіть знову"],
  NO_ROLES: [
    403,
    "Особа з цим ключем не має жодної ролі в порталі: вона не є керівником підприємства, посадовою особою чи військовозобов'язаним",
  ],
  ACCOUNT_DISABLED: [403, "Обліковий запис заблоковано адміністратором порталу"],
  API_TOKEN_INVALID: [401, "Недійсний токен API"],
  API_TOKEN_REVOKED: [401, "Токен API відкликано"],
  API_TOKEN_NOT_FOUND: [404, "Токен не знайдено"],
} as const satisfies Record<string, Entry>;

/** КЕП: opening a key (in the browser), verifying a signature, the test provider. */
const KEP = {
  BAD_KEY_FILE: [400, "Файл не є ключем у форматі PKCS#12 (.p12/.pfx) або пошкоджений"],
  WRONG_PASSWORD: [400, "Неправильний пароль до файлу ключа"],
  NO_PRIVATE_KEY: [400, "У файлі немає особистого ключа"],
  NO_CERTIFICATE: [400, "У файлі ключа немає сертифіката підписувача"],
  KEY_CERTIFICATE_MISMATCH: [400, "Сертифікат у файлі не відповідає особистому ключу"],
  KEY_ALGORITHM_UNSUPPORTED: [400, "Алгоритм ключа не підтримується: потрібен ключ ДСТУ 4145, ECDSA або RSA"],
  KEY_CONTAINER_UNSUPPORTED: [400, "Такий вид файлу ключа не підтримується: потрібен Key-6.dat, .pfx/.p12 або .jks"],
  NO_SIGNING_KEY: [400, "У файлі немає ключа для підпису: лише ключ шифрування"],
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
  CONTENT_MISMATCH: [400, "Підпис накладено на інші дані, ніж подано"],
  SIGNATURE_VALUE_MALFORMED: [400, "Значення підпису пошкоджене: воно не є підписом цього алгоритму"],
  SIGNATURE_INVALID: [401, "Підпис недійсний: він не створений ключем цього сертифіката"],
  SIGNING_CERTIFICATE_MISMATCH: [401, "Підписаний атрибут не відповідає сертифікату підписувача"],
  CERTIFICATE_UNTRUSTED: [401, "Сертифікат видано не довіреним надавачем електронних довірчих послуг"],
  CERTIFICATE_EXPIRED: [401, "Строк дії сертифіката минув"],
  CERTIFICATE_NOT_YET_VALID: [401, "Строк дії сертифіката ще не почався"],
  CERTIFICATE_REVOKED: [401, "Сертифікат скасовано"],
  CERTIFICATE_UNKNOWN: [401, "Сертифікат не зареєстровано у надавача"],
  CERTIFICATE_STATUS_UNAVAILABLE: [
    503,
    "Не вдалося перевірити статус сертифіката: надавач не відповідає, спробуйте пізніше",
  ],
  NO_NON_REPUDIATION: [
    403,
    "Сертифікат не призначений для кваліфікованого електронного підпису (немає «неспростовності»)",
  ],
  CERTIFICATE_PROFILE_INVALID: [403, "Сертифікат не містить коректного РНОКПП підписувача"],
  SIGNER_NOT_HEAD: [403, "Підписувач не є керівником цього підприємства"],
  EDRPOU_MISMATCH: [403, "Сертифікат видано для іншого підприємства (ЄДРПОУ не збігається)"],
  SIGNER_NOT_OFFICIAL: [403, "Підписувач не є посадовою особою цього органу"],
  SIGNATURE_REPLAYED: [409, "Цей підпис уже використано"],
  NONCE_UNKNOWN: [401, "Невідомий одноразовий код: оновіть сторінку й підпишіть знову"],
  NONCE_EXPIRED: [401, "Строк дії одноразового коду минув: оновіть сторінку й підпишіть знову"],
  NONCE_USED: [409, "Одноразовий код уже використано: оновіть сторінку й підпишіть знову"],
  CERTIFICATE_ALREADY_REVOKED: [409, "Сертифікат уже скасовано"],
  TRUST_BUNDLE_INVALID: [
    400,
    "Файл не є переліком сертифікатів: очікується CMS (.p7b) без підписувачів або PEM із сертифікатами",
  ],
  TRUST_BUNDLE_EMPTY: [400, "У переліку немає жодного сертифіката"],
  TRUST_BUNDLE_NOT_CA: [400, "У переліку є сертифікат, що не є сертифікатом ЦСК"],
  TRUST_BUNDLE_UNCHAINED: [400, "Сертифікат ЦСК у переліку не підписано жодним кореневим сертифікатом переліку"],
  PROVIDER_NOT_INITIALIZED: [
    503,
    "Тестовий КНЕДП ще не ініціалізовано: запустіть портал через npm run dev або виконайте сід",
  ],
} as const satisfies Record<string, Entry>;

/** Applications, drafts and annulments of the company cabinet and the HR API. */
const RESERVATIONS = {
  ENTERPRISE_NOT_FOUND: [404, "Підприємство не знайдено або ви не дієте від його імені"],
  EMPLOYEE_NOT_FOUND: [404, "Працівника не знайдено серед працівників вашого підприємства"],
  DUPLICATE_EMPLOYEE: [400, "Працівника вказано двічі"],
  DRAFT_NOT_FOUND: [404, "Чернетку заяви не знайдено"],
  APPLICATION_NOT_FOUND: [404, "Заяву не знайдено"],
  DRAFT_STALE: [409, "Чернетка застаріла: сформуйте заяву знову"],
  DRAFT_ALREADY_SUBMITTED: [409, "Цю чернетку вже підписано й подано"],
  DRAFT_CORRUPT: [409, "Збережену чернетку заяви пошкоджено: сформуйте заяву знову"],
  APPLICATION_DATA_CORRUPT: [
    500,
    "Збережені результати розгляду заяви пошкоджено: зверніться до адміністратора порталу",
  ],
  ACTOR_WITHOUT_IDENTITY: [403, "Для цієї дії потрібен вхід особи з РНОКПП"],
  ANNULMENT_TOO_SOON: [409, "Заяву на анулювання можна подавати не частіше ніж раз на 5 календарних днів"],
  ANNULMENT_GROUND_UNKNOWN: [400, "Невідома підстава анулювання бронювання"],
  ANNULMENT_GROUND_NOT_ALLOWED: [400, "Цю підставу застосовує система, а не керівник"],
  ANNULMENT_GROUND_NOT_APPLICABLE: [400, "Підстава анулювання не діє"],
} as const satisfies Record<string, Entry>;

/** Authorizations of persons to prepare an enterprise's applications. */
const AUTHORIZATIONS = {
  PERSON_NOT_FOUND: [404, "Особу з таким РНОКПП не знайдено в реєстрі «Оберіг»: перевірте номер"],
  SELF_AUTHORIZATION: [409, "Керівник сам готує й підписує заяви: уповноважувати себе не потрібно"],
  ALREADY_AUTHORIZED: [409, "Ця особа вже уповноважена готувати заяви підприємства"],
  AUTHORIZATION_NOT_FOUND: [404, "Уповноваження не знайдено"],
  AUTHORIZATION_WITHDRAWN: [409, "Це уповноваження вже відкликано"],
} as const satisfies Record<string, Entry>;

/** Vacancies of military units and conscripts' applications to them. */
const RECRUITMENT = {
  VACANCY_CLOSED: [409, "Вакансію вже закрито: відгукнутися на неї не можна"],
  ALREADY_APPLIED: [409, "Ви вже відгукнулися на цю вакансію"],
  NOT_REGISTERED: [403, "Відгукнутися можуть лише особи, які перебувають на військовому обліку"],
  REMOVED_OR_EXCLUDED: [403, "Вас знято або виключено з військового обліку"],
  WANTED_CRIMINAL: [403, "Вас розшукують у кримінальному провадженні"],
} as const satisfies Record<string, Entry>;

/** The rules engine refusing facts it cannot decide on (a bug upstream, hence 500). */
const RULES = {
  RULES_INVALID_FACTS: [500, "Некоректні факти для правил бронювання"],
  RULESET_NOT_FOUND: [500, "Немає правил бронювання, чинних на цю дату"],
  LIMIT_CATEGORY_NOT_IN_FORCE: [400, "Категорія ліміту не передбачена правилами, чинними на дату рішення"],
} as const satisfies Record<string, Entry>;

/** Ruleset versions the methodologist drafts and signs (lib/rulesets). */
const RULESETS = {
  RULESET_DATE_NOT_FUTURE: [
    400,
    "Нова версія правил може набрати чинності не раніше ніж з 00:00 завтрашнього дня (за київським часом)",
  ],
  RULESET_DATE_NOT_AFTER_CURRENT: [400, "Дата набрання чинності має бути пізнішою за дату чинної версії"],
  RULESET_NO_CHANGES: [400, "Чернетка не змінює жодного правила"],
  RULESET_DRAFT_STALE: [409, "Поточна версія правил змінилася: сформуйте чернетку знову"],
  RULESET_VERSION_IN_EFFECT: [409, "Чинну версію правил змінити не можна: ухваліть наступну"],
  RULESET_VERSION_NOT_FOUND: [404, "Версію правил не знайдено"],
  SIGNER_NOT_METHODOLOGIST: [403, "Версію правил підписує лише методолог Мінекономіки"],
  RULESET_CONFLICT: [500, "Дві версії правил з однієї дати"],
} as const satisfies Record<string, Entry>;

/** Certificates (довідки) from the registry, sealed; their public check (lib/certificates). */
const CERTIFICATES = {
  CERTIFICATE_NOT_ENTITLED: [403, "Реєстр «Оберіг» не містить відомостей, на підставі яких можна видати цю довідку"],
  CERTIFICATE_REQUEST_OPEN: [409, "Запит на таку довідку вже розглядається: дочекайтеся відповіді"],
  CERTIFICATE_REQUEST_DECIDED: [409, "Цей запит уже розглянуто"],
  CERTIFICATE_UNIT_NOT_CONNECTED: [
    409,
    "Військова частина, яка має підтвердити період служби, ще не підключена до порталу: зверніться до неї напряму",
  ],
  SIGNER_NOT_STAFF_OFFICER: [
    403,
    "Рішення щодо довідки підписує лише офіцер стройової частини цієї військової частини своїм ключем",
  ],
  CERTIFICATE_REVOKED_ALREADY: [409, "Довідку вже відкликано"],
  CERTIFICATE_PDF_MISMATCH: [
    422,
    "Файл не збігається з виданою довідкою: його змінено або це інший документ. Така копія недійсна",
  ],
  CERTIFICATE_PDF_INVALID: [400, "Завантажте файл довідки у форматі PDF (до 5 МБ)"],
} as const satisfies Record<string, Entry>;

/** Recruitment centres: visits and basic military service (lib/centres). */
const CENTRES = {
  CENTRE_NOT_FOUND: [404, "Рекрутинговий центр не знайдено"],
  VISIT_SLOT_REFUSED: [422, "На цей час записатися не можна"],
  VISIT_SLOT_FULL: [409, "На цей час місць уже немає: оберіть інший"],
  VISIT_ALREADY_BOOKED: [409, "У вас уже є запис на цей день: скасуйте його, щоб обрати інший час"],
  VISIT_NOT_CANCELLABLE: [409, "Цей запис уже скасовано, візит минув або рекрутер його вже відмітив"],
  VISIT_NOT_MARKABLE: [409, "Скасований запис відмітити не можна"],
  VISIT_NOT_YET: [422, "Відмітити, чи прийшов відвідувач, можна в день візиту або пізніше"],
  BASIC_SERVICE_NOT_ELIGIBLE: [403, "Подати заяву на базову військову службу ви не можете"],
  BASIC_SERVICE_OPEN: [409, "Ваша заява на базову військову службу вже подана: дочекайтеся відповіді центру"],
  BASIC_SERVICE_DECIDED: [409, "Цю заяву вже розглянуто"],
} as const satisfies Record<string, Entry>;

/** The launcher, the database tooling and the seed (printed by scripts, never sent to a browser). */
const OPERATIONS = {
  LAUNCH_USAGE: [400, "Невідомий режим запуску"],
  USAGE: [400, "Неправильні параметри команди"],
  BENCH_BAD_PERSONS: [400, "Некоректна кількість осіб для вимірювання"],
  DEMO_DATA_IN_PRODUCTION: [400, "База даних містить демонстраційні облікові записи"],
  LAUNCH_ENV_INVALID: [400, "Некоректні змінні середовища"],
  PORT_IN_USE: [400, "Порт уже зайнятий іншою програмою"],
  BUILD_MISSING: [400, "Немає production-збірки порталу"],
  AUTH_SECRET_INVALID: [400, "Файл секрету сеансів пошкоджено"],
  CHILD_FAILED: [400, "Процес порталу завершився з помилкою"],
  DATA_FOLDER_BUSY: [409, "Теку даних зайнято іншим процесом"],
  DATA_FOLDER_DAMAGED: [500, "Папку даних Postgres пошкоджено"],
  DATA_FOLDER_UNREADABLE: [500, "Папка даних Postgres недоступна"],
  DATA_FOLDER_FOREIGN: [500, "Папка даних Postgres містить чужі файли"],
  DATABASE_URL_INVALID: [400, "Некоректна адреса бази даних (DATABASE_URL)"],
  DATABASE_UNREACHABLE: [503, "Сервер бази даних недоступний"],
  DATABASE_AUTH_FAILED: [503, "Сервер бази даних відхилив вхід"],
  DATABASE_MISSING: [503, "Бази даних не існує"],
  DATABASE_UNAVAILABLE: [503, "База даних недоступна"],
  CLUSTER_INIT_FAILED: [500, "Не вдалося створити кластер Postgres"],
  REPLICA_FAILED: [500, "Не вдалося запустити репліку Postgres"],
  SCHEMA_ENGINE_FAILED: [500, "Рушій схеми Prisma повідомив про помилку"],
  MIGRATION_FOLDER_INVALID: [500, "Тека міграцій пошкоджена"],
  MIGRATION_FAILED: [500, "Не вдалося застосувати міграції"],
  MIGRATION_NAME_MISSING: [400, "Не вказано назву міграції"],
  MIGRATION_NAME_INVALID: [400, "Некоректна назва міграції"],
  MIGRATION_SNAPSHOT_MISSING: [500, "Немає знімка схеми попередньої міграції"],
  SEED_MISSING: [400, "Немає модуля демо-даних"],
  SEED_BAD_OPTION: [400, "Некоректний параметр демо-даних"],
  SEED_NOT_EMPTY: [409, "База даних вже містить дані"],
  SEED_NO_SCHEMA: [409, "У базі даних немає таблиць порталу"],
  SEED_DB_UNREACHABLE: [503, "Не вдалося під'єднатися до бази даних"],
} as const satisfies Record<string, Entry>;

/** The ТЦК cabinet: the register, notices (повістки), their delivery and deferments. */
const NOTICES = {
  NOTICE_SELECTION_EMPTY: [400, "Не вибрано жодної особи для формування повісток"],
  NOTICE_SELECTION_TOO_LARGE: [413, "Забагато осіб в одному пакеті повісток"],
  NOTICE_PERSON_OTHER_TCC: [
    403,
    "Серед вибраних є особи, що перебувають на обліку в іншому ТЦК та СП: повістки не сформовано",
  ],
  NOTICE_APPEARANCE_INVALID: [400, "Дата або час явки неприйнятні"],
  NOTICE_BATCH_SIGNED: [409, "Пакет повісток уже підписано"],
  NOTICE_BATCH_EMPTY: [409, "У пакеті немає жодної повістки для підпису"],
  NOTICE_NOT_SIGNED: [409, "Повістку ще не підписано начальником ТЦК та СП: друкувати нічого"],
  SIGNER_NOT_TCK_HEAD: [403, "Повістки підписує лише начальник цього ТЦК та СП ключем, виданим для ТЦК"],
  NOTICE_STATUS_TRANSITION: [409, "Такий перехід статусу повістки неможливий"],
  NOTICE_TRACKING_UNKNOWN: [400, "У звіті пошти є невідомі номери відправлень"],
  NOTICE_TRACKING_DUPLICATE: [409, "Номер поштового відправлення вже використано"],
  NOTICE_CSV_INVALID: [400, "Файл звіту пошти має неправильний формат"],
  DEFERMENT_INVALID: [400, "Відстрочку заповнено з помилками"],
  VLK_REFERRAL_INVALID: [400, "Направлення на ВЛК заповнено з помилками"],
  REGISTER_CHANGE_REFUSED: [409, "Цю зміну не можна внести до облікових даних особи"],
} as const satisfies Record<string, Entry>;

export const ERRORS = {
  ...COMMON,
  ...AUTH,
  ...KEP,
  ...RESERVATIONS,
  ...AUTHORIZATIONS,
  ...RECRUITMENT,
  ...RULES,
  ...RULESETS,
  ...CERTIFICATES,
  ...NOTICES,
  ...CENTRES,
  ...OPERATIONS,
} as const;

export type ErrorCode = keyof typeof ERRORS;
export type KepErrorCode = keyof typeof KEP;
export type AuthErrorCode = keyof typeof AUTH;

export const KEP_ERROR_CODES = Object.keys(KEP) as KepErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERRORS, value);
}

export function errorStatus(code: ErrorCode): number {
  return ERRORS[code][0];
}

export function errorMessage(code: ErrorCode): string {
  return ERRORS[code][1];
}
