import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { VacancyCard as Vacancy } from "@/lib/recruitment/list-open-vacancies";
import { formatInstantDate } from "@/lib/format";
import { ApplicationStatusBadge } from "./application-status-badge";
import { ApplyButton } from "./apply-button";

export function VacancyCard({ vacancy, canApply }: { vacancy: Vacancy; canApply: boolean }) {
  const mine = vacancy.myApplication;
  return (
    <article className="card flex flex-col" aria-labelledby={`vacancy-${vacancy.id}`} data-testid="vacancy">
      <p className="text-sm text-muted">
        в/ч {vacancy.unit.code} · {vacancy.unit.name}
      </p>
      <h2 id={`vacancy-${vacancy.id}`} className="mt-1 text-lg font-semibold">
        {vacancy.title}
      </h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <Badge tone="info">{vacancy.specialty}</Badge>
        <Badge tone="neutral">{vacancy.region}</Badge>
        <Badge tone="neutral">{vacancy.unit.branch}</Badge>
      </div>
      <p className="mt-3 text-[15px]">{vacancy.description}</p>
      <p className="mt-2 text-sm">
        <span className="text-muted">Вимоги:</span> {vacancy.requirements}
      </p>
      <p className="mt-2 text-xs text-muted">Опубліковано {formatInstantDate(vacancy.publishedAt)}</p>
      <div className="mt-4">
        {mine && mine.status !== "WITHDRAWN" ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Ваш відгук: <ApplicationStatusBadge status={mine.status} />
            <Link href={`/me/applications/${mine.id}`} className="link">
              Деталі
            </Link>
          </p>
        ) : canApply ? (
          <ApplyButton vacancyId={vacancy.id} title={vacancy.title} unitCode={vacancy.unit.code} />
        ) : null}
      </div>
    </article>
  );
}
