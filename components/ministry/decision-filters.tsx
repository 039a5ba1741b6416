import { FilterActions, FilterSelect, choices } from "@/components/ui/filter-form";
import { Field, Input } from "@/components/ui/field";
import { DECISION_STATE_LABELS, DECISION_STATES } from "@/lib/enterprises/decision-state";
import { DECISION_SORT_LABELS } from "@/lib/enterprises/labels";
import { DECISION_SORTS, type DecisionListQuery } from "@/lib/enterprises/schemas";
import { LIMIT_CATEGORIES, LIMIT_CATEGORY_LABELS } from "@/lib/rules";

const DIRECTIONS = [
  ["asc", "За зростанням"],
  ["desc", "За спаданням"],
] as const;

/** Search, filters and sorting as a plain GET form: works without JavaScript, keeps the URL shareable. */
export function DecisionFilters({ query, regions }: { query: DecisionListQuery; regions: string[] }) {
  return (
    <form
      // A new query (a search, «Скинути» — a client-side navigation) is a new form: the defaults apply again.
      key={JSON.stringify(query)}
      method="get"
      action="/ministry"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6"
      role="search"
      aria-label="Пошук підприємств"
    >
      <Field label="Назва, ЄДРПОУ або номер рішення" htmlFor="f-q" className="sm:col-span-2">
        <Input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Напр. 34218763" />
      </Field>
      <FilterSelect
        id="f-status"
        name="status"
        label="Стан"
        value={query.status}
        choices={choices(DECISION_STATES, DECISION_STATE_LABELS)}
      />
      <FilterSelect
        id="f-category"
        name="category"
        label="Категорія ліміту"
        value={query.category}
        choices={choices(LIMIT_CATEGORIES, LIMIT_CATEGORY_LABELS)}
      />
      <FilterSelect
        id="f-region"
        name="region"
        label="Регіон"
        value={query.region}
        choices={choices(regions, (region) => region)}
      />
      <FilterSelect
        id="f-sort"
        name="sort"
        label="Сортувати"
        value={query.sort}
        fallback="decidedOn"
        any={null}
        choices={choices(DECISION_SORTS, DECISION_SORT_LABELS)}
      />
      <FilterSelect id="f-dir" name="dir" label="Порядок" value={query.dir} any="Звичний" choices={DIRECTIONS} />
      <FilterActions resetHref="/ministry" className="sm:col-span-2 lg:col-span-5" />
    </form>
  );
}
