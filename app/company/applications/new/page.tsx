import { EmployeeFiltersForm, QuickFilters } from "@/components/company/employee-filters-form";
import { EmployeeTable } from "@/components/company/employee-table";
import { SalaryStep } from "@/components/company/salary-step";
import { SelectionFooter, SelectionTools } from "@/components/company/selection-bar";
import { selectionKey } from "@/components/company/selection-key";
import { NotCriticalNotice } from "@/components/company/standing-notice";
import { RESERVATION_STEPS, StepHeader } from "@/components/company/step-header";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireCompany } from "@/lib/auth/gate";
import { readEmployeeFilters } from "@/lib/company/read-employee-filters";
import { filterParams, filtersQuery, isFiltered } from "@/lib/company/employee-filters";
import { listSelectableEmployees } from "@/lib/company/list-selectable-employees";
import { isNeverReservable } from "@/lib/rules";
import { orNotFound } from "../../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Нова заява про бронювання" };

const PATH = "/company/applications/new";

// Steps 1 and 2 of an application; step 3 (pre-check) and 4 (signature) are the draft's page.
export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireCompany(PATH);
  const params = await searchParams;
  const filters = readEmployeeFilters(params);
  const { context, list, bulk } = await orNotFound(
    listSelectableEmployees(createCtx({ actor }), { kind: "reservation", filters }),
  );
  const storeKey = selectionKey("reservation", context.edrpou);

  if (params.step === "salaries") {
    return (
      <div className="mx-auto max-w-4xl">
        <StepHeader
          steps={RESERVATION_STEPS}
          current={2}
          title="Підтвердьте зарплати"
          hint="Перевірте місячну зарплату кожного обраного працівника. Далі ми перевіримо заяву за всіма умовами."
        />
        <SalaryStep
          storeKey={storeKey}
          threshold={context.standing.salaryThreshold}
          backHref={`${PATH}${filtersQuery(filters)}`}
        />
      </div>
    );
  }

  // «Обрати всіх на цій сторінці» leaves out whom the rules could never reserve (greyed out below).
  const rows = list.items
    .filter((r) => !(r.state === "not_reserved" && isNeverReservable(r.reasons)))
    .map((r) => ({
      rnokpp: r.rnokpp,
      fullName: r.fullName,
      salary: r.salary,
      eligible: r.eligible,
      reservedUntil: r.reservedUntil,
    }));
  return (
    <div className="space-y-5">
      <StepHeader
        steps={RESERVATION_STEPS}
        current={1}
        title="Оберіть працівників"
        hint="Позначте працівників у списку (щоб бачити лише тих, кого можна забронювати, натисніть «Можна забронювати») або оберіть одразу всіх. Вибір зберігається, поки ви шукаєте й гортаєте сторінки."
      />
      {!context.standing.critical ? <NotCriticalNotice standing={context.standing} /> : null}
      <Card>
        <EmployeeFiltersForm action={PATH} filters={filters} />
      </Card>
      <Card className="space-y-4">
        <QuickFilters action={PATH} filters={filters} />
        <SelectionTools
          storeKey={storeKey}
          pageRows={rows}
          filtered={{ filters, total: list.total, narrowed: isFiltered(filters) || list.total > list.pageSize }}
          bulk={{
            label: "Обрати всіх, кого можна забронювати",
            filters: bulk.filters,
            count: bulk.count,
            testId: "select-reservable",
          }}
        />
        <EmployeeTable rows={list.items} storeKey={storeKey} />
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath={PATH}
          params={filterParams(filters)}
        />
        <SelectionFooter
          storeKey={storeKey}
          kind="reservation"
          limitAvailable={context.limit.available}
          next={{ href: `${PATH}${filtersQuery(filters, { step: "salaries" })}`, label: "Далі: зарплати" }}
        />
      </Card>
    </div>
  );
}
