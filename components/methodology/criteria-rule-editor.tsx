"use client";

import { Checkbox, Field, Input } from "@/components/ui/field";
import { CRITERIA, type CriteriaRule, type CriterionCode } from "@/lib/rules";

// One criteria rule of a draft as typed: which criteria are mandatory, how many additional and
// how many in all. The figures stay strings until the draft is built (the server names a bad one).

export type CriteriaRuleValues = { mandatory: CriterionCode[]; minAdditional: string; minTotal: string };

export const criteriaValuesOf = (rule: CriteriaRule): CriteriaRuleValues => ({
  mandatory: [...rule.mandatory],
  minAdditional: String(rule.minAdditional),
  minTotal: String(rule.minTotal),
});

export const criteriaRuleOf = (
  values: CriteriaRuleValues,
): { mandatory: CriterionCode[]; minAdditional: number; minTotal: number } => ({
  mandatory: CRITERIA.map((c) => c.code).filter((c) => values.mandatory.includes(c)),
  minAdditional: toNumber(values.minAdditional),
  minTotal: toNumber(values.minTotal),
});

export const sameCriteriaRule = (a: CriteriaRule, b: CriteriaRule) =>
  a.minAdditional === b.minAdditional &&
  a.minTotal === b.minTotal &&
  a.mandatory.length === b.mandatory.length &&
  a.mandatory.every((c) => b.mandatory.includes(c));

/** A typed figure; an empty or malformed one becomes NaN so that the server names the field. */
export function toNumber(value: string): number {
  const trimmed = value.trim();
  return trimmed === "" || !/^-?\d+$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

export function CriteriaRuleEditor({
  id,
  values,
  onChange,
  errors,
}: {
  id: string;
  values: CriteriaRuleValues;
  onChange: (next: CriteriaRuleValues) => void;
  errors: (field: string) => string | undefined;
}) {
  const toggle = (code: CriterionCode, on: boolean) =>
    onChange({ ...values, mandatory: on ? [...values.mandatory, code] : values.mandatory.filter((c) => c !== code) });
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Щонайменше критеріїв усього" htmlFor={`${id}-minTotal`} error={errors("minTotal")}>
          <Input
            id={`${id}-minTotal`}
            inputMode="numeric"
            value={values.minTotal}
            onChange={(e) => onChange({ ...values, minTotal: e.target.value })}
            invalid={!!errors("minTotal")}
          />
        </Field>
        <Field label="Щонайменше додаткових критеріїв" htmlFor={`${id}-minAdditional`} error={errors("minAdditional")}>
          <Input
            id={`${id}-minAdditional`}
            inputMode="numeric"
            value={values.minAdditional}
            onChange={(e) => onChange({ ...values, minAdditional: e.target.value })}
            invalid={!!errors("minAdditional")}
          />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Обов&apos;язкові критерії</legend>
        {errors("mandatory") ? <p className="text-sm text-chip-fail">{errors("mandatory")}</p> : null}
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {CRITERIA.map((c) => (
            <Checkbox
              key={c.code}
              id={`${id}-mandatory-${c.code}`}
              label={c.label}
              checked={values.mandatory.includes(c.code)}
              onChange={(e) => toggle(c.code, e.target.checked)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
