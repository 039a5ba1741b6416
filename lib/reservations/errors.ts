import { AppError } from "@/lib/errors";

// The refusals of the application lifecycle that the shared error table does not name. Each
// has its own code (an HR system tells them apart) and a Ukrainian message for people.
// Foreign and unknown objects answer alike with 404: nobody learns what another holds.

const RESERVATION_ERRORS = {
  ENTERPRISE_NOT_FOUND: [404, "Підприємство не знайдено або ви не дієте від його імені"],
  DRAFT_NOT_FOUND: [404, "Чернетку заяви не знайдено"],
  APPLICATION_NOT_FOUND: [404, "Заяву не знайдено"],
  DRAFT_STALE: [409, "Чернетка застаріла: сформуйте заяву знову"],
  DRAFT_ALREADY_SUBMITTED: [409, "Цю чернетку вже подано з іншим підписом"],
  ACTOR_WITHOUT_IDENTITY: [403, "Для цієї дії потрібен вхід особи з РНОКПП"],
  ANNULMENT_TOO_SOON: [409, "Заяву на анулювання можна подавати не частіше ніж раз на 5 календарних днів"],
} as const satisfies Record<string, readonly [number, string]>;

export type ReservationErrorCode = keyof typeof RESERVATION_ERRORS;

export function reservationError(code: ReservationErrorCode, message?: string, details?: Record<string, unknown>): AppError {
  const [status, text] = RESERVATION_ERRORS[code];
  return new AppError(code, message ?? text, { status, details });
}
