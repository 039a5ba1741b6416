import { AppError } from "@/lib/errors";

// The refusals of the ruleset versions, each with its own code and a Ukrainian message.
const RULESET_ERRORS = {
  RULESET_DATE_NOT_FUTURE: [400, "Нова версія правил може набрати чинності не раніше ніж з 00:00 завтрашнього дня (за київським часом)"],
  RULESET_DATE_NOT_AFTER_CURRENT: [400, "Дата набрання чинності має бути пізнішою за дату чинної версії"],
  RULESET_NO_CHANGES: [400, "Чернетка не змінює жодного правила"],
  RULESET_DRAFT_STALE: [409, "Поточна версія правил змінилася: сформуйте чернетку знову"],
  RULESET_VERSION_IN_EFFECT: [409, "Чинну версію правил змінити не можна: ухваліть наступну"],
  RULESET_VERSION_NOT_FOUND: [404, "Версію правил не знайдено"],
  SIGNER_NOT_METHODOLOGIST: [403, "Версію правил підписує лише методолог Мінекономіки"],
} as const satisfies Record<string, readonly [number, string]>;

export type RulesetErrorCode = keyof typeof RULESET_ERRORS;

export function rulesetError(code: RulesetErrorCode, message?: string, options: { details?: Record<string, unknown>; fields?: Record<string, string> } = {}): AppError {
  const [status, text] = RULESET_ERRORS[code];
  return new AppError(code, message ?? text, { status, ...options });
}
