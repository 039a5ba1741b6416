import { VacancyCard } from "@/components/me/vacancy-card";
import { VacancyFilters } from "@/components/me/vacancy-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireConscript } from "@/lib/auth/gate";
import { getMyRecord } from "@/lib/citizen/get-my-record";
import { formatCount } from "@/lib/format";
import { applicantEligibility } from "@/lib/rules";
import { listOpenVacancies } from "@/lib/recruitment/list-open-vacancies";
import { ZVacancyFilters } from "@/lib/recruitment/schemas";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Вакансії військових частин" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireConscript("/me/vacancies");
  const raw = await searchParams;
  const filters = ZVacancyFilters.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const [catalogue, record] = await Promise.all([
    listOpenVacancies(createCtx({ actor }), { filters }),
    getMyRecord(createCtx({ actor, now: new Date() })),
  ]);
  const eligibility = applicantEligibility(record.person.military);

  return (
    <div className="space-y-5">
      <PageHeader
        title="Вакансії військових частин"
        subtitle="Оберіть посаду і відгукніться у два кліки: частина зв'яжеться з вами"
      />
      {!eligibility.allowed ? (
        <Notice tone="warning" title="Відгукнутися поки не можна">
          {eligibility.message}
        </Notice>
      ) : null}
      {eligibility.allowed && eligibility.wanted ? (
        <Notice tone="warning" title="Ви перебуваєте в розшуку ТЦК та СП">
          Відгукнутися можна: добровільний вступ на службу — законний шлях. Частина побачить цю позначку, а розшук зніме
          ТЦК після листа-відношення.
        </Notice>
      ) : null}
      <VacancyFilters filters={filters} facets={catalogue.facets} />
      <p className="text-sm text-muted" aria-live="polite">
        Знайдено {formatCount(catalogue.total, ["вакансію", "вакансії", "вакансій"])}
      </p>
      {catalogue.items.length === 0 ? (
        <EmptyState title="Нічого не знайдено">Спробуйте змінити фільтри або пошуковий запит.</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {catalogue.items.map((v) => (
            <VacancyCard key={v.id} vacancy={v} canApply={eligibility.allowed} />
          ))}
        </div>
      )}
      <Pagination
        page={catalogue.page}
        pageSize={catalogue.pageSize}
        total={catalogue.total}
        basePath="/me/vacancies"
        params={{
          q: filters.q,
          region: filters.region,
          specialty: filters.specialty,
          branch: filters.branch,
          centre: filters.centre,
        }}
      />
    </div>
  );
}
