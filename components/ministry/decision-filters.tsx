import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { DECISION_STATE_LABELS, DECISION_STATES } from "@/lib/enterprises/decision-state";
import { DECISION_SORT_LABELS } from "@/lib/enterprises/labels";
import { DECISION_SORTS, type DecisionListQuery } from "@/lib/enterprises/schemas";
import { LIMIT_CATEGORIES, LIMIT_CATEGORY_LABELS } from "@/lib/rules";

/** Search, filters and sorting as a plain GET form: works without JavaScript, keeps the URL shareable. */
export function DecisionFilters({ query, regions }: { query: DecisionListQuery; regions: string[] }) {
  return (
    <form
      method="get"
      action="/ministry"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6"
      role="search"
      aria-label="Пошук підприємств"
    >
      <Field label="Назва, ЄДРПОУ або номер рішення" htmlFor="f-q" className="sm:col-span-2">
        <Input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Напр. 34218763" />
      </Field>
      <Field label="Стан" htmlFor="f-status">
        <Select id="f-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Усі</option>
          {DECISION_STATES.map((s) => (
            <option key={s} value={s}>
              {DECISION_STATE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Категорія ліміту" htmlFor="f-category">
        <Select id="f-category" name="category" defaultValue={query.category ?? ""}>
          <option value="">Усі</option>
          {LIMIT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {LIMIT_CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Регіон" htmlFor="f-region">
        <Select id="f-region" name="region" defaultValue={query.region ?? ""}>
          <option value="">Усі</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Сортувати" htmlFor="f-sort">
        <Select id="f-sort" name="sort" defaultValue={query.sort ?? "decidedOn"}>
          {DECISION_SORTS.map((s) => (
            <option key={s} value={s}>
              {DECISION_SORT_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Порядок" htmlFor="f-dir">
        <Select id="f-dir" name="dir" defaultValue={query.dir ?? ""}>
          <option value="">Звичний</option>
          <option value="asc">За зростанням</option>
          <option value="desc">За спаданням</option>
        </Select>
      </Field>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-5">
        <Button type="submit">Знайти</Button>
        <Link href="/ministry" className="inline-flex h-11 items-center rounded-full px-4 text-[15px] hover:bg-black/5">
          Скинути
        </Link>
      </div>
    </form>
  );
}
