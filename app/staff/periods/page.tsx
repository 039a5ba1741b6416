import { ServicePeriodsTable } from "@/components/certificates/service-periods-table";
import { FilterActions } from "@/components/ui/filter-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { listUnitServicePeriods } from "@/lib/certificates/list-unit-service-periods";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Періоди служби частини" };

export default async function Page({ searchParams }: { searchParams: Promise<{ surname?: string | string[] }> }) {
  const actor = await requireStaffOfficer("/staff/periods");
  const raw = (await searchParams).surname;
  const surname = Array.isArray(raw) ? raw[0] : raw;
  const { unit, periods, more } = await listUnitServicePeriods(createCtx({ actor, readOnly: true }), { surname });

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={`в/ч ${unit.code} · ${unit.name}`}
        title="Періоди служби частини"
        subtitle="Періоди, які частина подала до реєстру «Оберіг». Помилку в датах чи посаді виправляють тут, з підписом КЕП"
      />
      <form method="get" action="/staff/periods" className="card flex flex-wrap items-end gap-3" role="search">
        <Field label="Прізвище" htmlFor="surname">
          <Input id="surname" name="surname" defaultValue={surname ?? ""} maxLength={100} autoComplete="off" />
        </Field>
        <FilterActions resetHref="/staff/periods" />
      </form>
      {periods.length === 0 ? (
        <EmptyState title="Періодів не знайдено">
          {surname ? "Перевірте прізвище або скиньте пошук." : "Частина ще не подала жодного періоду служби."}
        </EmptyState>
      ) : (
        <ServicePeriodsTable periods={periods} withPerson />
      )}
      {more ? (
        <p className="text-sm text-muted">Показано перші 100 періодів: уточніть прізвище, щоб знайти потрібний.</p>
      ) : null}
    </div>
  );
}
