// The Ukrainian words for every code the engine returns, filled from its parameters. Pure and
// browser-safe: the company cabinet renders a pre-check with these, the worker writes them into
// notifications, the HR API returns them beside the codes.
import { formatDate, formatMoney } from "@/lib/format";
import { annulmentGroundLabel, type AnnulmentGroundCode } from "./annulment-grounds";
import { LIABILITY_LABELS, REGISTRATION_STATUS_LABELS } from "./enums";
import type {
  AnnulmentRefusal,
  AnnulmentRefusalCode,
  Exception45Blocker,
  Reason,
  ReasonCode,
  TermEnd,
} from "./outcomes";

/** The fixed part of each message: for filters and legends, where no parameters are at hand. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  NOT_AN_EMPLOYEE: "Особа не є працівником підприємства",
  ENTERPRISE_NOT_CRITICAL: "Підприємство відсутнє в переліку критично важливих або строк рішення закінчився",
  NOT_IN_REGISTRY: "Відомості про особу відсутні в реєстрі «Оберіг»",
  NOT_MILITARY_LIABLE: "Особа не є військовозобов'язаною",
  DATA_NOT_UPDATED: "Особа не уточнила військово-облікові дані",
  WANTED: "Особа перебуває в розшуку ТЦК та СП",
  NOT_EMPLOYED: "Особу не працевлаштовано на підприємстві",
  SALARY_BELOW_THRESHOLD: "Заробітна плата нижча за встановлений мінімум",
  RESERVED_ELSEWHERE: "Особу вже заброньовано іншим підприємством",
  ALREADY_RESERVED: "Особу вже заброньовано",
  AGE_OVER_LIMIT: "Вік особи перевищує граничний вік перебування в запасі",
  QUOTA_EXCEEDED: "Перевищено ліміт бронювання",
};

/** The refusal as the spec's table words it, with its figures: "… (25 941,00 грн)". */
export function reasonMessage(reason: Reason): string {
  switch (reason.code) {
    case "NOT_MILITARY_LIABLE": {
      const { liability, registrationStatus } = reason.params;
      // Who the person is (призовник, резервіст) says more than the status when it is the cause.
      const status =
        liability !== "LIABLE" ? LIABILITY_LABELS[liability] : REGISTRATION_STATUS_LABELS[registrationStatus];
      return `${REASON_LABELS.NOT_MILITARY_LIABLE} (статус: ${status})`;
    }
    case "NOT_EMPLOYED":
      return reason.params.suspended
        ? `${REASON_LABELS.NOT_EMPLOYED} (дію трудового договору призупинено)`
        : REASON_LABELS.NOT_EMPLOYED;
    case "SALARY_BELOW_THRESHOLD":
      return `${REASON_LABELS.SALARY_BELOW_THRESHOLD} (${formatMoney(reason.params.threshold)})`;
    case "ALREADY_RESERVED":
      return `${REASON_LABELS.ALREADY_RESERVED} до ${formatDate(reason.params.until)}`;
    case "QUOTA_EXCEEDED":
      return `${REASON_LABELS.QUOTA_EXCEEDED} (${reason.params.used} з ${reason.params.limit})`;
    default:
      return REASON_LABELS[reason.code];
  }
}

/** All of an employee's reasons, one sentence each. */
export function reasonMessages(reasons: readonly Reason[]): string[] {
  return reasons.map(reasonMessage);
}

export const EXCEPTION_45_BLOCKER_LABELS: Record<Exception45Blocker, string> = {
  NOT_IN_FORCE: "Виняток на 45 днів діє з 04.12.2025",
  EMPLOYER_NOT_ELIGIBLE:
    "Виняток на 45 днів доступний лише підприємствам оборонно-промислового комплексу та критично важливим для Збройних Сил",
  WANTED_CRIMINAL: "Виняток не застосовується до осіб у розшуку за статтями 336, 337 Кримінального кодексу України",
  HIRED_TOO_LONG_AGO:
    "Виняток застосовується, лише якщо працевлаштування відбулося не більше ніж за 45 днів до подання заяви",
  USED_WITHIN_YEAR: "Виняток на 45 днів для цієї особи вже застосовано протягом останнього року",
};

export const TERM_END_LABELS: Record<TermEnd, string> = {
  MAX_TERM: "максимальний строк бронювання — 12 місяців",
  EXCEPTION_TERM: "строк бронювання за винятком — до 45 днів",
  DECISION_END: "строк не може перевищувати строк дії рішення про критичність підприємства",
  AGE_LIMIT: "строк завершується до досягнення граничного віку перебування в запасі",
};

export const ANNULMENT_REFUSAL_LABELS: Record<AnnulmentRefusalCode, string> = {
  NOT_RESERVED_HERE: "Особа не має чинного бронювання на цьому підприємстві",
  NOT_AN_EMPLOYEE: "Особа не є працівником підприємства",
};

export function annulmentRefusalMessage(refusal: AnnulmentRefusal): string {
  return ANNULMENT_REFUSAL_LABELS[refusal.code];
}

/** "Бронювання припинено з 02.09.2026: закінчився строк дії рішення …" */
export function annulmentMessage(ground: AnnulmentGroundCode, since: string): string {
  return `Бронювання припинено з ${formatDate(since)}: ${annulmentGroundLabel(ground).toLowerCase()}`;
}
