import Link from "next/link";
import { EmployeeFiltersForm } from "@/components/company/employee-filters-form";
import { EmployeeTable } from "@/components/company/employee-table";
import { GroundStep } from "@/components/company/ground-step";
import { SelectionFooter, SelectionTools } from "@/components/company/selection-bar";
import { selectionKey } from "@/components/company/selection-key";
import { ANNULMENT_STEPS, StepHeader } from "@/components/company/step-header";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireCompany } from "@/lib/auth/gate";
import { readEmployeeFilters } from "@/lib/company/read-employee-filters";
import { annulmentGroundOptions } from "@/lib/company/annulment-ground-hints";
import { filterParams, filtersQuery } from "@/lib/company/employee-filters";
import { listSelectableEmployees } from "@/lib/company/list-selectable-employees";
import { orNotFound } from "../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Анулювання бронювання" };

const PATH = "/company/annulments";

// Steps 1 and 2 of an annulment: the reserved employees to pick from, then the ground; the
// pre-check and the signature follow on the draft's page, as for a reservation.
export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireCompany(PATH);
  const params = await searchParams;
  // Everyone listed is reserved: eligibility for a new reservation is no filter here.
  const requested = { ...readEmployeeFilters(params), eligible: undefined, reason: undefined };
  const { context, list, filters, bulk } = await orNotFound(
    listSelectableEmployees(createCtx({ actor }), { kind: "annulment", filters: requested }),
  );
  const storeKey = selectionKey("annulment", context.edrpou);
  const urlFilters = { ...filters, state: requested.state === "expiring" ? ("expiring" as const) : undefined };

  if (params.step === "ground") {
    return (
      <div className="mx-auto max-w-3xl">
        <StepHeader
          steps={ANNULMENT_STEPS}
          current={2}
          title="Оберіть підставу"
          hint="Підстава потрапить до підписаного документа та до сповіщення кожному працівникові."
        />
        <GroundStep
          storeKey={storeKey}
          grounds={annulmentGroundOptions()}
          backHref={`${PATH}${filtersQuery(urlFilters)}`}
        />
      </div>
    );
  }

  const rows = list.items.map((r) => ({
    rnokpp: r.rnokpp,
    fullName: r.fullName,
    salary: r.salary,
    eligible: r.eligible,
    reservedUntil: r.reservedUntil,
  }));
  return (
    <div className="space-y-5">
      <StepHeader
        steps={ANNULMENT_STEPS}
        current={1}
        title="Кому анулювати бронювання"
        hint="Показано лише заброньованих на вашому підприємстві. Позначте працівників або оберіть усіх одразу — в одній заяві можна анулювати сотні бронювань."
      />
      <Card>
        <EmployeeFiltersForm action={PATH} filters={urlFilters} lockedState />
      </Card>
      <Card className="space-y-4">
        <SelectionTools
          storeKey={storeKey}
          pageRows={rows}
          filtered={{
            filters: { ...filters },
            total: list.total,
            narrowed: Boolean(filters.q) || list.total > list.pageSize,
          }}
          bulk={{
            label: "Обрати всіх заброньованих",
            filters: bulk.filters,
            count: bulk.count,
            testId: "select-all-reserved",
          }}
        />
        <EmployeeTable
          rows={list.items}
          storeKey={storeKey}
          forAnnulment
          empty="На підприємстві немає заброньованих працівників за цими умовами."
        />
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath={PATH}
          params={filterParams(urlFilters)}
        />
        <SelectionFooter
          storeKey={storeKey}
          kind="annulment"
          next={{ href: `${PATH}${filtersQuery(urlFilters, { step: "ground" })}`, label: "Далі: підстава" }}
        />
      </Card>
      <p className="text-sm">
        <Link href="/company/applications?kind=ANNULMENT" className="link">
          Подані заяви про анулювання →
        </Link>
      </p>
    </div>
  );
}
