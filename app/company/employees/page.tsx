import { EmployeeFiltersForm, QuickFilters } from "@/components/company/employee-filters-form";
import { EmployeeTable } from "@/components/company/employee-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireCompany } from "@/lib/auth/gate";
import { readEmployeeFilters } from "@/lib/company/read-employee-filters";
import { filterParams, isFiltered, toListInput } from "@/lib/company/employee-filters";
import { formatDate, formatNumber, pluralUk } from "@/lib/format";
import { listEmployees } from "@/lib/reservations";
import { orNotFound } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Працівники" };

const PATH = "/company/employees";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireCompany(PATH);
  const filters = readEmployeeFilters(await searchParams);
  const list = await orNotFound(
    listEmployees(createCtx({ actor, readOnly: true }), {
      edrpou: actor.edrpou ?? "",
      ...toListInput(filters),
      revealRnokpp: true,
    }),
  );
  const found = `${formatNumber(list.total)} ${pluralUk(list.total, ["працівник", "працівники", "працівників"])}`;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Працівники"
        subtitle={`${isFiltered(filters) || filters.who !== "all" ? `Знайдено: ${found} з ${formatNumber(list.counts.employees)}` : `Усього: ${found}`} · можна забронювати: ${formatNumber(list.counts.eligible)} · заброньовано: ${formatNumber(list.counts.reserved)} · дані реєстрів на ${formatDate(list.date)}`}
        actions={<ButtonLink href="/company/applications/new">Нова заява</ButtonLink>}
      />
      <Card>
        <EmployeeFiltersForm action={PATH} filters={filters} />
      </Card>
      <Card className="space-y-4">
        <QuickFilters action={PATH} filters={filters} />
        <EmployeeTable rows={list.items} />
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath={PATH}
          params={filterParams(filters)}
        />
      </Card>
    </div>
  );
}
