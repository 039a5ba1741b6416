import { Badge } from "@/components/ui/badge";
import { REGISTRATION_STATUS_INFO, type RegistrationStatusCode } from "@/lib/citizen/status-info";
import { formatDate, pluralUk } from "@/lib/format";
import type { ApplicantView } from "@/lib/recruitment/applicant-view";

/** A candidate as the recruiter sees them: contacts, age, ВОС, ВЛК and the registry status. */
export function ApplicantFacts({ applicant }: { applicant: ApplicantView }) {
  const status = applicant.registrationStatus
    ? REGISTRATION_STATUS_INFO[applicant.registrationStatus as RegistrationStatusCode]
    : null;
  return (
    <dl className="grid gap-x-6 gap-y-1 text-[15px] sm:grid-cols-[10rem_1fr]">
      <dt className="text-muted">Вік</dt>
      <dd>{applicant.age !== null ? `${applicant.age} ${pluralUk(applicant.age, ["рік", "роки", "років"])}` : "—"}</dd>
      <dt className="text-muted">Телефон</dt>
      <dd>
        {applicant.phone ? (
          <a className="link" href={`tel:${applicant.phone}`}>
            {applicant.phone}
          </a>
        ) : (
          "—"
        )}
      </dd>
      <dt className="text-muted">Ел. пошта</dt>
      <dd>
        {applicant.email ? (
          <a className="link break-all" href={`mailto:${applicant.email}`}>
            {applicant.email}
          </a>
        ) : (
          "—"
        )}
      </dd>
      <dt className="text-muted">Облік</dt>
      <dd className="flex flex-wrap items-center gap-2">
        {status ? <Badge tone={status.tone}>{status.label}</Badge> : "—"}
        {applicant.wanted ? <Badge tone="fail">У розшуку ТЦК: узгодьте з ТЦК</Badge> : null}
        {applicant.tcc ? <span className="text-sm text-muted">{applicant.tcc}</span> : null}
      </dd>
      <dt className="text-muted">Звання</dt>
      <dd>{applicant.rank ?? "Немає"}</dd>
      <dt className="text-muted">ВОС</dt>
      <dd>{applicant.specialty ?? "Немає"}</dd>
      <dt className="text-muted">ВЛК</dt>
      <dd>
        {applicant.vlkDate || applicant.vlkResult
          ? [applicant.vlkDate ? formatDate(applicant.vlkDate) : null, applicant.vlkResult].filter(Boolean).join(", ")
          : "Не пройдено"}
      </dd>
    </dl>
  );
}
