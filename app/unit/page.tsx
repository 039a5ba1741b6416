import Link from "next/link";
import { ApplicationCard } from "@/components/unit/application-card";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireRecruiter } from "@/lib/auth/gate";
import { APPLICATION_STATUS_INFO, type VacancyApplicationStatus } from "@/lib/recruitment/labels";
import { listUnitApplications } from "@/lib/recruitment/list-unit-applications";
import { z } from "@/lib/zod";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Відгуки кандидатів" };

const STATUSES = ["SUBMITTED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const;
const ZQuery = z.object({
  status: z.enum(STATUSES).catch("SUBMITTED").default("SUBMITTED"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRecruiter("/unit");
  const raw = await searchParams;
  const query = ZQuery.parse({
    status: typeof raw.status === "string" ? raw.status : undefined,
    page: typeof raw.page === "string" ? raw.page : undefined,
  });
  const result = await listUnitApplications(createCtx({ actor }), { status: query.status, page: query.page });

  return (
    <div className="space-y-5">
      <PageHeader
        title="Відгуки кандидатів"
        subtitle="Кандидати, які відгукнулися на вакансії вашої частини"
        actions={
          <ButtonLink href="/unit/vacancies" variant="secondary">
            Вакансії частини
          </ButtonLink>
        }
      />
      <nav aria-label="Стан відгуків" className="flex flex-wrap gap-2">
        {STATUSES.map((status: VacancyApplicationStatus) => (
          <Link
            key={status}
            href={`/unit?status=${status}`}
            aria-current={status === query.status ? "page" : undefined}
            className={cn(
              "rounded-full px-4 py-1.5 text-sm",
              status === query.status ? "bg-ink text-white" : "bg-white hover:bg-black/5",
            )}
          >
            {APPLICATION_STATUS_INFO[status].label} <span className="tabular">({result.counts[status]})</span>
          </Link>
        ))}
      </nav>
      {result.items.length === 0 ? (
        <EmptyState title={query.status === "SUBMITTED" ? "Нових відгуків немає" : "Тут порожньо"}>
          Відгуки з'являються, щойно кандидат підтвердить свій вибір.
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {result.items.map((a) => (
            <ApplicationCard key={a.id} application={a} />
          ))}
        </div>
      )}
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath="/unit"
        params={{ status: query.status }}
      />
    </div>
  );
}
