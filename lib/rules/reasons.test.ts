import { describe, expect, it } from "vitest";
import { decideApplication } from "./decide-application";
import { REASON_CODES, type Reason } from "./outcomes";
import {
  ANNULMENT_REFUSAL_LABELS,
  EXCEPTION_45_BLOCKER_LABELS,
  REASON_LABELS,
  TERM_END_LABELS,
  annulmentMessage,
  annulmentRefusalMessage,
  reasonMessage,
  reasonMessages,
} from "./reasons";
import { application, decision, employee } from "./test-facts";

describe("refusal messages of the spec's table", () => {
  it.each<[Reason, string]>([
    [
      { code: "ENTERPRISE_NOT_CRITICAL", params: { decisionEnd: "2026-06-30" } },
      "Підприємство відсутнє в переліку критично важливих або строк рішення закінчився",
    ],
    [{ code: "NOT_IN_REGISTRY", params: {} }, "Відомості про особу відсутні в реєстрі «Оберіг»"],
    [
      { code: "NOT_MILITARY_LIABLE", params: { liability: "CONSCRIPT", registrationStatus: "ON_REGISTER" } },
      "Особа не є військовозобов'язаною (статус: призовник)",
    ],
    [
      { code: "NOT_MILITARY_LIABLE", params: { liability: "RESERVIST", registrationStatus: "ON_REGISTER" } },
      "Особа не є військовозобов'язаною (статус: резервіст)",
    ],
    [
      { code: "NOT_MILITARY_LIABLE", params: { liability: "LIABLE", registrationStatus: "EXCLUDED" } },
      "Особа не є військовозобов'язаною (статус: виключений з обліку)",
    ],
    [{ code: "DATA_NOT_UPDATED", params: {} }, "Особа не уточнила військово-облікові дані"],
    [{ code: "WANTED", params: {} }, "Особа перебуває в розшуку ТЦК та СП"],
    [{ code: "NOT_EMPLOYED", params: { suspended: false } }, "Особу не працевлаштовано на підприємстві"],
    [
      { code: "NOT_EMPLOYED", params: { suspended: true } },
      "Особу не працевлаштовано на підприємстві (дію трудового договору призупинено)",
    ],
    [
      { code: "SALARY_BELOW_THRESHOLD", params: { threshold: 2_594_100, salary: 2_000_000 } },
      "Заробітна плата нижча за встановлений мінімум (25 941,00 грн)",
    ],
    [
      { code: "SALARY_BELOW_THRESHOLD", params: { threshold: 2_161_750, salary: 2_000_000 } },
      "Заробітна плата нижча за встановлений мінімум (21 617,50 грн)",
    ],
    [{ code: "RESERVED_ELSEWHERE", params: {} }, "Особу вже заброньовано іншим підприємством"],
    [{ code: "ALREADY_RESERVED", params: { until: "2026-09-01" } }, "Особу вже заброньовано до 01.09.2026"],
    [
      { code: "AGE_OVER_LIMIT", params: { ageLimit: 60, limitReachedOn: "2026-07-01" } },
      "Вік особи перевищує граничний вік перебування в запасі",
    ],
    [{ code: "QUOTA_EXCEEDED", params: { used: 120, limit: 120 } }, "Перевищено ліміт бронювання (120 з 120)"],
  ])("%j", (reason, text) => {
    expect(reasonMessage(reason)).toBe(text);
  });

  it("has a label for every code", () => {
    expect(Object.keys(REASON_LABELS).sort()).toEqual([...REASON_CODES].sort());
  });

  it("renders an engine decision end to end", () => {
    const result = decideApplication(
      application({
        decision: decision({ limitCount: 1 }),
        employees: [employee(), employee({ salary: 2_000_000 }), employee()],
      }),
    );
    expect(result.employees.map((e) => reasonMessages(e.reasons))).toEqual([
      [],
      ["Заробітна плата нижча за встановлений мінімум (25 941,00 грн)"],
      ["Перевищено ліміт бронювання (1 з 1)"],
    ]);
  });
});

describe("other texts", () => {
  it("explains every exception blocker, term end and annulment refusal in Ukrainian", () => {
    for (const text of [
      ...Object.values(EXCEPTION_45_BLOCKER_LABELS),
      ...Object.values(TERM_END_LABELS),
      ...Object.values(ANNULMENT_REFUSAL_LABELS),
    ]) {
      expect(text).toMatch(/[а-яіїєґ]{3}/);
    }
    expect(annulmentRefusalMessage({ code: "NOT_RESERVED_HERE", params: {} })).toBe(
      "Особа не має чинного бронювання на цьому підприємстві",
    );
  });

  it("words an annulment for the employee's notice", () => {
    expect(annulmentMessage("DISMISSAL", "2026-07-01")).toBe(
      "Бронювання припинено з 01.07.2026: звільнення працівника",
    );
  });
});
