import { searchRegisterAction } from "@/app/tck/search-actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUSES } from "@/lib/rules";

// The register's filters: a form posted to a server action, so that a typed РНОКПП or surname
// never lands in the address.

const YES_NO = [
  ["", "Усі"],
  ["yes", "Так"],
  ["no", "Ні"],
] as const;

export function RegisterFilters({ raw }: { raw: Record<string, string> }) {
  return (
    <form
      action={searchRegisterAction}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Фільтри реєстру"
    >
      <Field label="Прізвище або РНОКПП" htmlFor="q" className="lg:col-span-2">
        <Input id="q" name="q" defaultValue={raw.q ?? ""} maxLength={100} autoComplete="off" />
      </Field>
      <Field label="Статус обліку" htmlFor="status">
        <Select id="status" name="status" defaultValue={raw.status ?? ""}>
          <option value="">Усі</option>
          {REGISTRATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {REGISTRATION_STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Категорія обліку" htmlFor="category">
        <Select id="category" name="category" defaultValue={raw.category ?? ""}>
          <option value="">Усі</option>
          <option value="1">1</option>
          <option value="2">2</option>
        </Select>
      </Field>
      <Field label="Вік" htmlFor="ageBand">
        <Select id="ageBand" name="ageBand" defaultValue={raw.ageBand ?? ""}>
          <option value="">Усі</option>
          <option value="18-24">18–24</option>
          <option value="25-59">25–59</option>
          <option value="60+">60 і більше</option>
        </Select>
      </Field>
      <Field label="Дані уточнено" htmlFor="dataUpdated">
        <Select id="dataUpdated" name="dataUpdated" defaultValue={raw.dataUpdated ?? ""}>
          {YES_NO.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="У розшуку" htmlFor="wanted">
        <Select id="wanted" name="wanted" defaultValue={raw.wanted ?? ""}>
          {YES_NO.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Бронювання, відстрочка, служба" htmlFor="protection">
        <Select id="protection" name="protection" defaultValue={raw.protection ?? ""}>
          <option value="">Усі</option>
          <option value="reserved">Заброньовані</option>
          <option value="deferred">Мають відстрочку</option>
          <option value="serving">Проходять службу</option>
          <option value="none">Без захисту</option>
        </Select>
      </Field>
      <Field label="ВЛК" htmlFor="vlkDue">
        <Select id="vlkDue" name="vlkDue" defaultValue={raw.vlkDue ?? ""}>
          <option value="">Усі</option>
          <option value="yes">ВЛК не проходили понад рік</option>
        </Select>
      </Field>
      <div className="flex items-end gap-2 lg:col-span-4">
        <Button type="submit">Знайти</Button>
        <ButtonLink href="/tck" variant="secondary">
          Скинути
        </ButtonLink>
      </div>
    </form>
  );
}
