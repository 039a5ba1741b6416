import Link from "next/link";
import { FilterActions } from "@/components/ui/filter-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { listUnitServicePeriods } from "@/lib/certificates/list-unit-service-periods";
import { createCtx } from "@/lib/context-server";
import { formatDate } from "@/lib/format";

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
        <Table data-testid="unit-periods">
          <thead>
            <tr>
              <Th>Особа</Th>
              <Th>Посада</Th>
              <Th>З</Th>
              <Th>По</Th>
              <Th>Участь у захисті</Th>
              <Th>
                <span className="sr-only">Дії</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period.id} data-testid="unit-period">
                <Td>{period.fullName}</Td>
                <Td>{period.position}</Td>
                <Td className="tabular">{formatDate(period.fromDate)}</Td>
                <Td className="tabular">{period.untilDate ? formatDate(period.untilDate) : "по теперішній час"}</Td>
                <Td>
                  {period.defenceConfirmedOn ? (
                    `підтверджено ${formatDate(period.defenceConfirmedOn)}`
                  ) : (
                    <Badge tone="pending">не підтверджено</Badge>
                  )}
                </Td>
                <Td>
                  <Link
                    className="link text-sm"
                    href={`/staff/periods/${period.id}`}
                    aria-label={`Виправити період: ${period.fullName}, ${formatDate(period.fromDate)}`}
                  >
                    Виправити
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {more ? (
        <p className="text-sm text-muted">Показано перші 100 періодів: уточніть прізвище, щоб знайти потрібний.</p>
      ) : null}
    </div>
  );
}
