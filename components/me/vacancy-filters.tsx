import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { VacancyCatalogue } from "@/lib/recruitment/list-open-vacancies";
import type { VacancyFilters as Filters } from "@/lib/recruitment/schemas";

/** A plain GET form: filters live in the URL, so results can be shared and work without JavaScript. */
export function VacancyFilters({ filters, facets }: { filters: Filters; facets: VacancyCatalogue["facets"] }) {
  return (
    <form
      method="get"
      action="/me/vacancies"
      className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      role="search"
      aria-label="Пошук вакансій"
    >
      <Field label="Пошук" htmlFor="q" className="lg:col-span-2">
        <Input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Посада, частина, навички" />
      </Field>
      <Field label="Область" htmlFor="region">
        <Select id="region" name="region" defaultValue={filters.region ?? ""}>
          <option value="">Усі області</option>
          {facets.regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Спеціальність" htmlFor="specialty">
        <Select id="specialty" name="specialty" defaultValue={filters.specialty ?? ""}>
          <option value="">Усі спеціальності</option>
          {facets.specialties.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Рід військ" htmlFor="branch">
        <Select id="branch" name="branch" defaultValue={filters.branch ?? ""}>
          <option value="">Усі</option>
          {facets.branches.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Рекрутинговий центр" htmlFor="centre" className="sm:col-span-2 lg:col-span-2">
        <Select id="centre" name="centre" defaultValue={filters.centre ?? ""}>
          <option value="">Усі центри</option>
          {facets.centres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.region})
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
        <Button type="submit">Знайти</Button>
        <ButtonLink href="/me/vacancies" variant="ghost">
          Скинути
        </ButtonLink>
      </div>
    </form>
  );
}
