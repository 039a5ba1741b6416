import type { ReasonCode } from "./outcomes";

// What the employee lists say of a person the rules refuse. A refusal because the person is
// not a military-liable one on the register (or is not in Оберіг at all) no application can
// overcome: the lists open without those people and the wizard does not let them be picked.
// Every other refusal may change (data updated, salary raised, a reservation ending).

export const NEVER_RESERVABLE_CODES = [
  "NOT_IN_REGISTRY",
  "NOT_MILITARY_LIABLE",
] as const satisfies readonly ReasonCode[];

const NEVER = new Set<string>(NEVER_RESERVABLE_CODES);

/** True when one of the reasons is a refusal no application can overcome. */
export function isNeverReservable(reasons: ReadonlyArray<{ code: string }>): boolean {
  return reasons.some((reason) => NEVER.has(reason.code));
}

/**
 * The one reason a list shows for a person: the first about the person (the rules give them in
 * the order of the law's conditions) — the enterprise's own standing is the same for everyone
 * and said once above the list — or, when that is all there is, the enterprise's.
 */
export function leadingReason<T extends { code: string }>(reasons: readonly T[]): T | undefined {
  return reasons.find((reason) => reason.code !== "ENTERPRISE_NOT_CRITICAL") ?? reasons[0];
}
