"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { formatNumber } from "@/lib/format";
import {
  LIMIT_CATEGORY_LABELS,
  computeLimitCount,
  isLimitCategoryInForce,
  limitCategoriesOf,
  limitRuleFor,
  type LimitCategory,
  type Ruleset,
} from "@/lib/rules";

export type LimitValues = { category: LimitCategory; militaryLiable: string; headcount: string };

/** The limit's category, its base (pre-filled from the registry, editable) and the resulting count. */
export function LimitPicker({
  values,
  onChange,
  ruleset,
  registryCounts,
  errors,
}: {
  values: LimitValues;
  onChange: (next: LimitValues) => void;
  ruleset: Ruleset;
  registryCounts: { militaryLiable: number; headcount: number } | null;
  errors: Partial<Record<"limitCategory" | "militaryLiableCount" | "headcount", string>>;
}) {
  // A category the ruleset of the decision date does not know (energy equipment before 05.02.2026) is shown as the general one.
  const rule = isLimitCategoryInForce(values.category, ruleset)
    ? limitRuleFor(values.category, ruleset)
    : limitRuleFor("DEFAULT_50", ruleset);
  const { count, error } = limitOf(values, ruleset);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Категорія ліміту" htmlFor="limitCategory" error={errors.limitCategory} className="sm:col-span-2">
        <Select
          id="limitCategory"
          value={values.category}
          onChange={(event) => onChange({ ...values, category: event.target.value as LimitCategory })}
        >
          {limitCategoriesOf(ruleset).map((c) => (
            <option key={c} value={c}>
              {LIMIT_CATEGORY_LABELS[c]} — {limitRuleFor(c, ruleset).percent} %
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Кількість військовозобов'язаних працівників"
        htmlFor="militaryLiableCount"
        error={errors.militaryLiableCount}
        hint={
          registryCounts
            ? `За реєстром: ${formatNumber(registryCounts.militaryLiable)} (чоловіки на військовому обліку до 60 років і мобілізовані працівники, без заброньованих іншими)`
            : undefined
        }
      >
        <Input
          id="militaryLiableCount"
          inputMode="numeric"
          value={values.militaryLiable}
          invalid={!!errors.militaryLiableCount}
          onChange={(event) => onChange({ ...values, militaryLiable: event.target.value.replace(/\D/g, "") })}
        />
      </Field>
      {rule.base === "HEADCOUNT" ? (
        <Field
          label="Загальна чисельність працівників на дату рішення"
          htmlFor="headcount"
          error={errors.headcount}
          hint={registryCounts ? `За реєстром: ${formatNumber(registryCounts.headcount)}` : undefined}
        >
          <Input
            id="headcount"
            inputMode="numeric"
            value={values.headcount}
            invalid={!!errors.headcount}
            onChange={(event) => onChange({ ...values, headcount: event.target.value.replace(/\D/g, "") })}
          />
        </Field>
      ) : null}
      <div className="rounded-2xl bg-canvas/60 px-4 py-3 sm:col-span-2" aria-live="polite" data-testid="computed-limit">
        <p className="text-sm text-muted">
          Ліміт бронювання ({rule.percent} %{" "}
          {rule.base === "HEADCOUNT" ? "загальної чисельності" : "військовозобов'язаних"})
        </p>
        <p className="tabular text-2xl font-semibold">{count === null ? "—" : `${formatNumber(count)} осіб`}</p>
        {error ? <p className="text-sm text-chip-fail">{error}</p> : null}
      </div>
    </div>
  );
}

export function limitOf(values: LimitValues, ruleset: Ruleset): { count: number | null; error: string | null } {
  if (values.militaryLiable === "") return { count: null, error: null };
  try {
    const headcount = values.headcount === "" ? null : Number(values.headcount);
    return {
      count: computeLimitCount({
        category: values.category,
        militaryLiableCount: Number(values.militaryLiable),
        headcount,
        ruleset,
      }),
      error: null,
    };
  } catch (error) {
    return { count: null, error: error instanceof Error ? error.message : "Не вдалося обчислити ліміт" };
  }
}
