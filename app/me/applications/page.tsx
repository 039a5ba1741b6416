import Link from "next/link";
import { ApplicationStatusBadge } from "@/components/me/application-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { formatDateTime } from "@/lib/format";
import { listMyVacancyApplications } from "@/lib/recruitment/list-my-vacancy-applications";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Мої відгуки" };

export default async function Page() {
  const actor = await requireConscript("/me/applications");
  const applications = await listMyVacancyApplications(createCtx({ actor }));
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        title="Мої відгуки"
        subtitle="Відгуки на вакансії військових частин і відповіді на них"
        actions={
          <ButtonLink href="/me/vacancies" variant="secondary">
            До вакансій
          </ButtonLink>
        }
      />
      {applications.length === 0 ? (
        <EmptyState title="Ви ще не відгукувалися">Оберіть вакансію в каталозі — це два кліки.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-line/70">
            {applications.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-start justify-between gap-3 py-3"
                data-testid="my-application"
              >
                <div className="min-w-0">
                  <Link href={`/me/applications/${a.id}`} className="link font-medium">
                    {a.vacancy.title}
                  </Link>
                  <p className="text-sm text-muted">
                    в/ч {a.vacancy.unit.code} · {a.vacancy.unit.name}
                  </p>
                  <p className="text-xs text-muted tabular">
                    Подано {formatDateTime(a.createdAt)}
                    {a.decidedAt ? ` · відповідь ${formatDateTime(a.decidedAt)}` : ""}
                  </p>
                </div>
                <ApplicationStatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
