import { searchRegisterAction } from "@/app/tck/search-actions";
import { FilterActions, FilterSelect, choices } from "@/components/ui/filter-form";
import { Field, Input } from "@/components/ui/field";
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUSES } from "@/lib/rules";

// The register's filters: a form posted to a server action, so that a typed РНОКПП or surname
// never lands in the address.

const YES_NO = [
  ["yes", "Так"],
  ["no", "Ні"],
] as const;
const CATEGORIES = [
  ["1", "1"],
  ["2", "2"],
] as const;
const AGE_BANDS = [
  ["18-24", "18–24"],
  ["25-59", "25–59"],
  ["60+", "60 і більше"],
] as const;
const PROTECTIONS = [
  ["reserved", "Заброньовані"],
  ["deferred", "Мають відстрочку"],
  ["serving", "Проходять службу"],
  ["none", "Без захисту"],
] as const;
const VLK_DUE = [["yes", "ВЛК не проходили понад рік"]] as const;

export function RegisterFilters({ raw }: { raw: Record<string, string> }) {
  return (
    <form
      // A new filter (a search, «Скинути») is a new form: the selects' defaults apply again.
      key={new URLSearchParams(raw).toString()}
      action={searchRegisterAction}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Фільтри реєстру"
    >
      <Field label="Прізвище або РНОКПП" htmlFor="q" className="lg:col-span-2">
        <Input id="q" name="q" defaultValue={raw.q ?? ""} maxLength={100} autoComplete="off" />
      </Field>
      <FilterSelect
        id="status"
        name="status"
        label="Статус обліку"
        value={raw.status}
        choices={choices(REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS)}
      />
      <FilterSelect id="category" name="category" label="Категорія обліку" value={raw.category} choices={CATEGORIES} />
      <FilterSelect id="ageBand" name="ageBand" label="Вік" value={raw.ageBand} choices={AGE_BANDS} />
      <FilterSelect
        id="dataUpdated"
        name="dataUpdated"
        label="Дані уточнено"
        value={raw.dataUpdated}
        choices={YES_NO}
      />
      <FilterSelect id="wanted" name="wanted" label="У розшуку" value={raw.wanted} choices={YES_NO} />
      <FilterSelect
        id="protection"
        name="protection"
        label="Бронювання, відстрочка, служба"
        value={raw.protection}
        choices={PROTECTIONS}
      />
      <FilterSelect id="vlkDue" name="vlkDue" label="ВЛК" value={raw.vlkDue} choices={VLK_DUE} />
      <FilterActions resetHref="/tck" className="lg:col-span-4" />
    </form>
  );
}
