import Link from "next/link";
import { ApplicationStatusBadge } from "@/components/me/application-status-badge";
import { formatDateTime } from "@/lib/format";
import type { UnitApplicationRow } from "@/lib/recruitment/list-unit-applications";
import { ApplicantFacts } from "./applicant-facts";
import { DecisionForm } from "./decision-form";

export function ApplicationCard({ application }: { application: UnitApplicationRow }) {
  const { applicant, vacancy } = application;
  return (
    <article className="card" aria-labelledby={`candidate-${application.id}`} data-testid="unit-application">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`candidate-${application.id}`} className="text-lg font-semibold">
            <Link href={`/unit/applications/${application.id}`} className="link">
              {applicant.fullName}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            на «{vacancy.title}» · подано {formatDateTime(application.createdAt)}
          </p>
        </div>
        <ApplicationStatusBadge status={application.status} />
      </div>
      <div className="mt-3">
        <ApplicantFacts applicant={applicant} />
      </div>
      {application.comment ? (
        <p className="mt-3 rounded-2xl bg-canvas/60 px-4 py-2 text-[15px]">
          <span className="text-muted">Коментар кандидата:</span> {application.comment}
        </p>
      ) : null}
      {application.decisionComment ? (
        <p className="mt-3 text-sm">
          <span className="text-muted">Ваша відповідь:</span> {application.decisionComment}
        </p>
      ) : null}
      {application.status === "SUBMITTED" ? (
        <div className="mt-4">
          <DecisionForm applicationId={application.id} candidate={applicant.fullName} />
        </div>
      ) : null}
    </article>
  );
}
