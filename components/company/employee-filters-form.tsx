import Link from "next/link";
import { searchEmployeesAction } from "@/app/company/search-actions";
import { cn } from "@/components/ui/cn";
import { PhoneDisclosure } from "@/components/ui/disclosure";
import { Field, Input } from "@/components/ui/field";
import { FilterActions, FilterSelect, choices } from "@/components/ui/filter-form";
import { filtersQuery, type EmployeeFilters } from "@/lib/company/employee-filters";
import { EMPLOYEE_SORT_LABELS, EMPLOYEE_STATE_FILTER_LABELS } from "@/lib/company/labels";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "@/lib/reservations/constants";
import { REASON_CODES, REASON_LABELS } from "@/lib/rules";

// Search, filters and sorting as a plain form: it works without JavaScript, and every choice
// lands in the URL (a link can be shared, the back button returns to it) — the search text
// sealed, since it may be a РНОКПП (app/company/search-actions.ts); the server filters. On a
// phone only the search shows; the selects fold behind «Фільтри й сортування».

const YES_NO = [
  ["yes", "Так"],
  ["no", "Ні"],
] as const;

// `lockedState`: the annulment list, which holds only the enterprise's reserved employees — there
// the reservation state and the eligibility for a new reservation (and its refusal reasons) are
// not a choice, so only the search and the sorting are offered.
type Props = { action: string; filters: EmployeeFilters; lockedState?: boolean };

export function EmployeeFiltersForm({ action, filters, lockedState = false }: Props) {
  const active = [
    lockedState ? undefined : filters.state,
    lockedState ? undefined : filters.eligible,
    lockedState ? undefined : filters.reason,
    filters.sort && filters.sort !== "name" ? filters.sort : undefined,
  ].filter(Boolean).length;
  return (
    <form
      // A new filter (a search, «Скинути» — a client-side navigation) is a new form: the defaults apply again.
      key={JSON.stringify(filters)}
      action={searchEmployeesAction}
      role="search"
      aria-label="Пошук працівників"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <input type="hidden" name="path" value={action} />
      {filters.who ? <input type="hidden" name="who" value={filters.who} /> : null}
      <Field
        label="ПІБ або РНОКПП"
        htmlFor="f-q"
        className="sm:col-span-2"
        hint="Частина прізвища або перші цифри РНОКПП"
      >
        <Input
          id="f-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Напр. Коваленко або 3333407195"
          autoComplete="off"
        />
      </Field>
      <PhoneDisclosure
        id="employee-filters"
        label={
          lockedState
            ? active > 0
              ? "Сортування (1)"
              : "Сортування"
            : active > 0
              ? `Фільтри й сортування (${active})`
              : "Фільтри й сортування"
        }
      >
        {lockedState ? null : (
          <FilterSelect
            id="f-state"
            name="state"
            label="Бронювання"
            value={filters.state}
            choices={choices(EMPLOYEE_STATES, EMPLOYEE_STATE_FILTER_LABELS)}
          />
        )}
        {lockedState ? null : (
          <FilterSelect
            id="f-eligible"
            name="eligible"
            label="Чи можна забронювати"
            value={filters.eligible}
            choices={YES_NO}
          />
        )}
        {/* Nobody who can be reserved has a reason for refusal: the filter goes with «Так». */}
        {lockedState || filters.eligible === "yes" ? null : (
          <FilterSelect
            id="f-reason"
            name="reason"
            label="Причина відмови"
            value={filters.reason}
            any="Будь-яка"
            choices={choices(REASON_CODES, REASON_LABELS)}
          />
        )}
        <FilterSelect
          id="f-sort"
          name="sort"
          label="Сортувати"
          value={filters.sort}
          fallback="name"
          any={null}
          choices={choices(EMPLOYEE_SORTS, EMPLOYEE_SORT_LABELS)}
        />
      </PhoneDisclosure>
      <FilterActions resetHref={action} className="sm:col-span-2 lg:col-span-6" />
    </form>
  );
}

const QUICK = [
  { label: "Військовозобов'язані", params: {} },
  { label: "Можна забронювати", params: { eligible: "yes", state: "not_reserved" } },
  { label: "Заброньовані", params: { state: "reserved" } },
  { label: "Бронювання спливає", params: { state: "expiring" } },
  { label: "Не можна забронювати", params: { eligible: "no", state: "not_reserved" } },
  { label: "Усі працівники", params: { who: "all" } },
] as const;

/** One-click views of the list; the search text is kept. The list opens on the military-liable. */
export function QuickFilters({ action, filters }: { action: string; filters: EmployeeFilters }) {
  return (
    <div className="space-y-2">
      <nav aria-label="Швидкі фільтри" className="flex flex-wrap gap-2 pb-1">
        {QUICK.map((quick) => {
          const params: Record<string, string | undefined> = quick.params;
          const current =
            (filters.state ?? "") === (params.state ?? "") &&
            (filters.eligible ?? "") === (params.eligible ?? "") &&
            (filters.who ?? "") === (params.who ?? "") &&
            !filters.reason;
          const href = `${action}${filtersQuery({ q: filters.q, s: filters.s, sort: filters.sort }, params)}`;
          return (
            <Link
              key={quick.label}
              href={href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "whitespace-nowrap rounded-full px-3 py-1.5 text-sm ring-1 ring-inset",
                current ? "bg-ink text-white ring-ink" : "bg-white ring-line hover:bg-black/5",
              )}
            >
              {quick.label}
            </Link>
          );
        })}
      </nav>
      {filters.who !== "all" && !filters.q ? (
        <p className="text-sm text-muted" data-testid="liable-only">
          Показано військовозобов&apos;язаних. Хто не є військовозобов&apos;язаним або відсутній у реєстрі «Оберіг»,
          забронювати не можна: їх видно у фільтрі «Усі працівники».
        </p>
      ) : null}
    </div>
  );
}
