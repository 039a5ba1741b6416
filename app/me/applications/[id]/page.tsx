import { notFound } from "next/navigation";
import { ApplicationStatusBadge } from "@/components/me/application-status-badge";
import { WithdrawButton } from "@/components/me/withdraw-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getMyVacancyApplication } from "@/lib/recruitment/get-my-vacancy-application";
import { APPLICATION_STATUS_INFO } from "@/lib/recruitment/labels";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Відгук на вакансію" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireConscript(`/me/applications/${id}`);
  const application = await getMyVacancyApplication(createCtx({ actor }), { applicationId: id }).catch(
    (error: unknown) => {
      // Someone else's application and a missing one look the same: 404.
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  const { vacancy } = application;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader
        eyebrow="Мої відгуки"
        title={vacancy.title}
        subtitle={`в/ч ${vacancy.unit.code} · ${vacancy.unit.name}`}
      />
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <ApplicationStatusBadge status={application.status} />
          <span className="text-sm text-muted">{APPLICATION_STATUS_INFO[application.status].hint}</span>
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-[15px] sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">Спеціальність</dt>
          <dd>{vacancy.specialty}</dd>
          <dt className="text-muted">Область</dt>
          <dd>{vacancy.region}</dd>
          <dt className="text-muted">Подано</dt>
          <dd className="tabular">{formatDateTime(application.createdAt)}</dd>
          {application.comment ? (
            <>
              <dt className="text-muted">Ваш коментар</dt>
              <dd>{application.comment}</dd>
            </>
          ) : null}
          {application.decidedAt ? (
            <>
              <dt className="text-muted">Відповідь</dt>
              <dd className="tabular">{formatDateTime(application.decidedAt)}</dd>
            </>
          ) : null}
          {application.decisionComment ? (
            <>
              <dt className="text-muted">Коментар частини</dt>
              <dd data-testid="decision-comment">{application.decisionComment}</dd>
            </>
          ) : null}
          {vacancy.unit.phone || vacancy.unit.email ? (
            <>
              <dt className="text-muted">Контакти частини</dt>
              <dd>{[vacancy.unit.phone, vacancy.unit.email].filter(Boolean).join(", ")}</dd>
            </>
          ) : null}
        </dl>
        {application.status === "SUBMITTED" ? (
          <div className="mt-5">
            <WithdrawButton applicationId={application.id} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
