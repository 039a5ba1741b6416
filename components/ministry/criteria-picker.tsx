"use client";

import { Checkbox, Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import {
  CRITERIA,
  SALARY_EXEMPTIONS,
  checkDecisionCriteria,
  salaryExemptionLabel,
  type LimitCategory,
  type Ruleset,
  type SalaryExemptionCode,
} from "@/lib/rules";

/**
 * The criteria of Resolution 76 as checkboxes, checked as they are ticked with the same rule
 * the server applies: both mandatory ones (the salary one may be replaced by an exemption) and
 * at least one additional one.
 */
export function CriteriaPicker({
  criteria,
  onCriteria,
  exemption,
  onExemption,
  impliedExemption,
  ruleset,
  limitCategory,
  serverError,
}: {
  criteria: string[];
  onCriteria: (next: string[]) => void;
  exemption: string | null;
  onExemption: (next: string | null) => void;
  impliedExemption: SalaryExemptionCode | null;
  ruleset: Ruleset;
  limitCategory?: LimitCategory;
  serverError?: string;
}) {
  const check = checkDecisionCriteria({ criteria, salaryExemption: exemption, ruleset, limitCategory });
  const toggle = (code: string, on: boolean) =>
    onCriteria(on ? [...criteria, code] : criteria.filter((c) => c !== code));
  const group = (kind: "MANDATORY" | "ADDITIONAL", title: string) => (
    <fieldset className="space-y-2.5">
      <legend className="mb-2 text-sm font-medium">{title}</legend>
      {CRITERIA.filter((c) => c.kind === kind).map((c) => (
        <Checkbox
          key={c.code}
          name="criteria"
          value={c.code}
          checked={criteria.includes(c.code)}
          onChange={(event) => toggle(c.code, event.target.checked)}
          label={c.code === "AVERAGE_SALARY" && exemption ? `${c.label} — не обов'язковий: діє звільнення` : c.label}
          data-testid={`criterion-${c.code}`}
        />
      ))}
    </fieldset>
  );

  return (
    <div className="space-y-5">
      <div className="grid gap-6 lg:grid-cols-2">
        {group("MANDATORY", "Обов'язкові (обидва)")}
        {group("ADDITIONAL", "Додаткові (хоча б один)")}
      </div>
      <Field
        label="Звільнення від критерію заробітної плати"
        htmlFor="salaryExemption"
        hint={
          impliedExemption
            ? `За даними реєстру підприємству належить: «${salaryExemptionLabel(impliedExemption)}»`
            : "Підстави за даними реєстру немає"
        }
      >
        <Select
          id="salaryExemption"
          value={exemption ?? ""}
          onChange={(event) => onExemption(event.target.value || null)}
        >
          <option value="">Немає</option>
          {SALARY_EXEMPTIONS.filter((e) => ruleset.salaryExemptions.includes(e.code)).map((e) => (
            <option key={e.code} value={e.code}>
              {e.label}
            </option>
          ))}
        </Select>
      </Field>
      {!check.ok ? (
        <Notice tone="warning" testId="criteria-problems">
          <ul className="list-disc space-y-1 pl-5">
            {check.problems.map((p) => (
              <li key={p.code + ("criterion" in p ? p.criterion : "")}>{p.message}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <Notice tone="success">Критерії критичності виконано.</Notice>
      )}
      {serverError ? (
        <p className="text-sm text-chip-fail" data-field-error="criteria">
          {serverError}
        </p>
      ) : null}
    </div>
  );
}
