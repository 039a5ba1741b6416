import {
  EXPIRING_WITHIN_DAYS,
  LIABILITY_LABELS,
  REGISTRATION_STATUS_LABELS,
  type LiabilityType,
  type RegistrationStatus,
} from "@/lib/rules";

// The cabinet's words for states, kinds and sorts, in one place so that a badge, a filter and
// a CSV say the same. Pure and browser-safe.

/** The badge tones of components/ui/badge. */
export type Tone = "success" | "pending" | "fail" | "neutral" | "info" | "warning";

export type EmployeeStateCode = "reserved" | "expiring" | "reserved_elsewhere" | "not_reserved";

export const EMPLOYEE_STATE_LABELS: Record<EmployeeStateCode, string> = {
  reserved: "Заброньований",
  expiring: "Бронювання спливає",
  reserved_elsewhere: "Заброньований іншим підприємством",
  not_reserved: "Не заброньований",
};

/** How the state filter names each choice. */
export const EMPLOYEE_STATE_FILTER_LABELS: Record<EmployeeStateCode, string> = {
  reserved: "Заброньовані",
  expiring: `Бронювання спливає за ${EXPIRING_WITHIN_DAYS} днів`,
  reserved_elsewhere: "Заброньовані іншим підприємством",
  not_reserved: "Без бронювання",
};

export const EMPLOYEE_STATE_TONES: Record<EmployeeStateCode, Tone> = {
  reserved: "success",
  expiring: "warning",
  reserved_elsewhere: "neutral",
  not_reserved: "neutral",
};

export const EMPLOYEE_SORT_LABELS = {
  name: "ПІБ: А → Я",
  "-name": "ПІБ: Я → А",
  salary: "Зарплата: менша спершу",
  "-salary": "Зарплата: більша спершу",
  reservedUntil: "Бронювання: спливає раніше",
  "-reservedUntil": "Бронювання: спливає пізніше",
  hiredOn: "Прийняті раніше",
  "-hiredOn": "Прийняті нещодавно",
} as const;

export type ApplicationStatusCode = "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatusCode, string> = {
  QUEUED: "У черзі",
  PROCESSING: "Розглядається",
  DECIDED: "Розглянуто",
  FAILED: "Не розглянуто",
};

export const APPLICATION_STATUS_TONES: Record<ApplicationStatusCode, Tone> = {
  QUEUED: "pending",
  PROCESSING: "pending",
  DECIDED: "success",
  FAILED: "fail",
};

export const APPLICATION_KIND_LABELS = { RESERVATION: "Бронювання", ANNULMENT: "Анулювання" } as const;

export const ITEM_DECISION_LABELS = {
  RESERVED: "Заброньовано",
  REFUSED: "Відмовлено",
  ANNULLED: "Анульовано",
} as const;
export const ITEM_DECISION_TONES: Record<keyof typeof ITEM_DECISION_LABELS, Tone> = {
  RESERVED: "success",
  REFUSED: "fail",
  ANNULLED: "info",
};

/** "військовозобов'язаний, на обліку"; "призовник, на обліку"; "немає даних". */
export function militaryStatusText(status: RegistrationStatus | null, liability: LiabilityType | null): string {
  if (!status) return "Немає в реєстрі «Оберіг»";
  const who = liability ? LIABILITY_LABELS[liability] : null;
  return who
    ? `${capitalise(who)}, ${REGISTRATION_STATUS_LABELS[status]}`
    : capitalise(REGISTRATION_STATUS_LABELS[status]);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("uk") + text.slice(1);
}
