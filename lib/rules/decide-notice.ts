// Whether a notice may be formed for a person: every protection the law gives, each with its
// code, checked on the registry's facts at the moment of forming. Pure: the date is an argument.
import { fullYearsOn, type IsoDate } from "./calendar";
import type { RegistrationStatus } from "./enums";
import type { NoticePersonFacts, NoticeRequest } from "./notice-facts";
import { noticeRulesetFor } from "./notice-rulesets";

export type NoticeRefusalReason =
  | { code: "NOT_ON_REGISTER"; params: Record<string, never> }
  | { code: "RESERVED"; params: { edrpou: string; until: IsoDate } }
  | { code: "DEFERRED"; params: { ground: string; until: IsoDate | null } }
  | { code: "SERVING"; params: { since: IsoDate } }
  | { code: "REMOVED_FROM_REGISTER"; params: { status: RegistrationStatus } }
  | { code: "WOMAN_NOT_LIABLE"; params: Record<string, never> }
  | { code: "AGE_UNDER_LIMIT"; params: { age: number; minAge: number } }
  | { code: "AGE_OVER_LIMIT"; params: { age: number; maxAge: number } };

export type NoticeRefusalCode = NoticeRefusalReason["code"];

export type NoticeDecision =
  { formed: true; ruleset: string } | { formed: false; ruleset: string; reasons: NoticeRefusalReason[] };

/** Statuses that take a person off the register: nobody there is called. */
const OFF_REGISTER: ReadonlySet<RegistrationStatus> = new Set(["REMOVED", "EXCLUDED", "NOT_REGISTERED"]);

export function decideNotice(person: NoticePersonFacts, request: NoticeRequest): NoticeDecision {
  const ruleset = noticeRulesetFor(request.today);
  const reasons: NoticeRefusalReason[] = [];
  const military = person.military;

  if (person.sex === "FEMALE" && (!military || military.liability !== "LIABLE" || OFF_REGISTER.has(military.status))) {
    reasons.push({ code: "WOMAN_NOT_LIABLE", params: {} });
  } else if (!military) {
    reasons.push({ code: "NOT_ON_REGISTER", params: {} });
  }
  if (military) {
    // Serving comes first: the register shows the person removed because they were called up.
    if (military.mobilisedOn !== null && military.mobilisedOn <= request.today)
      reasons.push({ code: "SERVING", params: { since: military.mobilisedOn } });
    else if (OFF_REGISTER.has(military.status) && person.sex === "MALE")
      reasons.push({ code: "REMOVED_FROM_REGISTER", params: { status: military.status } });
    if (military.deferment !== null && (military.defermentUntil === null || military.defermentUntil >= request.today)) {
      reasons.push({ code: "DEFERRED", params: { ground: military.deferment, until: military.defermentUntil } });
    }
  }
  if (person.reservation && person.reservation.untilDate >= request.today) {
    reasons.push({
      code: "RESERVED",
      params: { edrpou: person.reservation.edrpou, until: person.reservation.untilDate },
    });
  }
  if (request.kind === "MOBILISATION") {
    const ageNow = fullYearsOn(person.birthDate, request.today);
    const ageThen = fullYearsOn(person.birthDate, request.appearOn);
    if (ageNow < ruleset.mobilisationMinAge)
      reasons.push({ code: "AGE_UNDER_LIMIT", params: { age: ageNow, minAge: ruleset.mobilisationMinAge } });
    if (ageThen >= ruleset.mobilisationMaxAge)
      reasons.push({ code: "AGE_OVER_LIMIT", params: { age: ageThen, maxAge: ruleset.mobilisationMaxAge } });
  }
  return reasons.length === 0
    ? { formed: true, ruleset: ruleset.version }
    : { formed: false, ruleset: ruleset.version, reasons };
}
