// Who the law protects from a notice, as dated data: the version in force on the day a batch is
// formed decides, and the batch records it. Figures from public sources: Law 3633-IX lowered the
// mobilisation age from 27 to 25 (in force 04.04.2024 — here Law 3515-IX as reported); the upper
// limit of the reserve for soldiers and sergeants is 60.
import type { IsoDate } from "./calendar";

export type NoticeRuleset = {
  version: string;
  effectiveFrom: IsoDate;
  legalBasis: string;
  /** Mobilisation reaches persons from this age (full years on the day of forming)… */
  mobilisationMinAge: number;
  /** …and younger than this on the day they are to appear. */
  mobilisationMaxAge: number;
};

export const NOTICE_RULESETS: readonly NoticeRuleset[] = [
  {
    version: "notices-2022-02-24",
    effectiveFrom: "2022-02-24",
    legalBasis: "Закон України «Про мобілізаційну підготовку та мобілізацію», Указ Президента № 69/2022",
    mobilisationMinAge: 27,
    mobilisationMaxAge: 60,
  },
  {
    version: "notices-2024-04-04",
    effectiveFrom: "2024-04-04",
    legalBasis: "Закон України № 3515-IX (мобілізаційний вік — з 25 років)",
    mobilisationMinAge: 25,
    mobilisationMaxAge: 60,
  },
];

/** The version in force on `day` (the latest that started on or before it). */
export function noticeRulesetFor(day: IsoDate): NoticeRuleset {
  let found: NoticeRuleset | undefined;
  for (const ruleset of NOTICE_RULESETS) if (ruleset.effectiveFrom <= day) found = ruleset;
  if (!found) throw new RangeError(`no notice ruleset in force on ${day}`);
  return found;
}
