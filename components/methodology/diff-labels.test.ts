import { describe, expect, it } from "vitest";
import { RULESETS, applyRulesetChanges, diffRulesets } from "@/lib/rules";
import { diffLabel, diffValue } from "./diff-labels";

// The diff the methodologist reads (and the versions list shows between consecutive versions):
// every path a version can differ in gets a Ukrainian name and a readable value.

describe("the ruleset diff's labels", () => {
  it("renders every difference between consecutive code versions (caps, exemptions, categories) without failing", () => {
    for (let i = 1; i < RULESETS.length; i++) {
      for (const d of diffRulesets(RULESETS[i - 1]!, RULESETS[i]!)) {
        expect(diffLabel(d.path)).toBeTruthy();
        expect(typeof diffValue(d.path, d.before)).toBe("string");
        expect(typeof diffValue(d.path, d.after)).toBe("string");
      }
    }
  });

  it("names criteria, the exception, age and the extension window in Ukrainian", () => {
    const base = RULESETS.at(-1)!;
    const next = applyRulesetChanges(
      base,
      { version: "me-2099-01-01", effectiveFrom: "2099-01-01", title: "Тест" },
      {
        criteriaGeneral: { mandatory: ["AVERAGE_SALARY"], minAdditional: 2, minTotal: 3 },
        criteriaByCategory: { DEFENCE_100: { mandatory: ["NO_TAX_ARREARS"], minAdditional: 0, minTotal: 1 } },
        exception45: { termDays: 30, hiredWithinDays: 45, onceInMonths: 12 },
        ageLimit: 58,
        extensionWindowDays: 45,
        limits: { DEFENCE_100: { percent: 90, base: "HEADCOUNT" } },
      },
    );
    const rows = Object.fromEntries(
      diffRulesets(base, next).map((d) => [diffLabel(d.path), diffValue(d.path, d.after)]),
    );
    expect(rows).toMatchObject({
      "Критерії (загальне правило): обов'язкові": "Середня заробітна плата не нижча за встановлений поріг",
      "Критерії (загальне правило): мінімум додаткових": "2",
      "Граничний вік, років": "58",
      "Вікно продовження, днів": "45",
      "Виняток на 45 днів: строк, днів": "30",
    });
    const defence = Object.entries(rows).find(([label]) => label.startsWith("Критерії для категорії «Оборонно"));
    expect(defence?.[1]).toBe(
      "обов'язкові: Відсутність заборгованості зі сплати податків і ЄСВ; додаткових щонайменше 0; усього щонайменше 1",
    );
    expect(Object.keys(rows).some((label) => label.startsWith("Ліміт: Оборонно") && label.endsWith("— відсоток"))).toBe(
      true,
    );
    for (const label of Object.keys(rows)) expect(label).toMatch(/[а-яіїєґ]/i);
  });
});
