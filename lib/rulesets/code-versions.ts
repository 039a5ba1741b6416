// The legal basis of the versions the code ships (lib/rules/rulesets.ts), as the spec names
// the acts; they seed ruleset_versions so that the table holds every version decisions recorded.
import { RULESETS, type Ruleset } from "@/lib/rules";

export type LegalBasis = { act: string; number: string; date: string };

const CMU = "Постанова Кабінету Міністрів України";

export const CODE_LEGAL_BASIS: Readonly<Record<string, LegalBasis>> = {
  "res76-2024-12-01": { act: CMU, number: "76", date: "2023-01-27" },
  "res76-2025-03-05": { act: `${CMU} (зміни до постанови № 76)`, number: "76", date: "2025-03-05" },
  "law4630-2025-12-04": { act: "Закон України", number: "4630-IX", date: "2025-12-04" },
  "res76-2026-01-01": {
    act: "Закон України «Про Державний бюджет України на 2026 рік» (мінімальна заробітна плата)",
    number: "б/н",
    date: "2026-01-01",
  },
  "res1608-2026-02-01": { act: CMU, number: "1608", date: "2025-12-08" },
  "res76-2026-02-05": { act: `${CMU} (зміни до постанови № 76)`, number: "76", date: "2026-02-05" },
  "res692-2026-05-30": { act: CMU, number: "692", date: "2026-05-30" },
};

/** Rows of ruleset_versions for the code's versions (the seed writes them with plain SQL). */
export function codeRulesetRows(): Array<[string, string, string, string, string, string, string | null, string]> {
  return codeVersions().map(({ ruleset, legalBasis }, index) => [
    ruleset.version,
    ruleset.effectiveFrom,
    ruleset.title,
    legalBasis.act,
    legalBasis.number,
    legalBasis.date,
    index > 0 ? RULESETS[index - 1]!.version : null,
    JSON.stringify(ruleset),
  ]);
}

export function codeVersions(): Array<{ ruleset: Ruleset; legalBasis: LegalBasis }> {
  return RULESETS.map((ruleset) => {
    const legalBasis = CODE_LEGAL_BASIS[ruleset.version];
    if (!legalBasis) throw new Error(`internal: no legal basis for the code's ruleset ${ruleset.version}`);
    return { ruleset, legalBasis };
  });
}
