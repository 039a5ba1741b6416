import Link from "next/link";
import { searchEmployeesAction } from "@/app/company/search-actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PhoneDisclosure } from "@/components/ui/disclosure";
import { Field, Input, Select } from "@/components/ui/field";
import { filtersQuery, type EmployeeFilters } from "@/lib/company/employee-filters";
import { EMPLOYEE_SORT_LABELS, EMPLOYEE_STATE_FILTER_LABELS } from "@/lib/company/labels";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "@/lib/reservations/constants";
import { REASON_CODES, REASON_LABELS } from "@/lib/rules";

// Search, filters and sorting as a plain form: it works without JavaScript, and every choice
// lands in the URL (a link can be shared, the back button returns to it) — the search text
// sealed, since it may be a РНОКПП (app/company/search-actions.ts); the server filters. On a
// phone only the search shows; the selects fold behind «Фільтри й сортування».

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
          <Field label="Бронювання" htmlFor="f-state">
            <Select id="f-state" name="state" defaultValue={filters.state ?? ""}>
              <option value="">Усі</option>
              {EMPLOYEE_STATES.map((s) => (
                <option key={s} value={s}>
                  {EMPLOYEE_STATE_FILTER_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {lockedState ? null : (
          <Field label="Чи можна забронювати" htmlFor="f-eligible">
            <Select id="f-eligible" name="eligible" defaultValue={filters.eligible ?? ""}>
              <option value="">Усі</option>
              <option value="yes">Так</option>
              <option value="no">Ні</option>
            </Select>
          </Field>
        )}
        {/* Nobody who can be reserved has a reason for refusal: the filter goes with «Так». */}
        {lockedState || filters.eligible === "yes" ? null : (
          <Field label="Причина відмови" htmlFor="f-reason">
            <Select id="f-reason" name="reason" defaultValue={filters.reason ?? ""}>
              <option value="">Будь-яка</option>
              {REASON_CODES.map((code) => (
                <option key={code} value={code}>
                  {REASON_LABELS[code]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Сортувати" htmlFor="f-sort">
          <Select id="f-sort" name="sort" defaultValue={filters.sort ?? "name"}>
            {EMPLOYEE_SORTS.map((s) => (
              <option key={s} value={s}>
                {EMPLOYEE_SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </PhoneDisclosure>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">Знайти</Button>
        <Link href={action} className="inline-flex h-11 items-center rounded-full px-4 text-[15px] hover:bg-black/5">
          Скинути
        </Link>
      </div>
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
