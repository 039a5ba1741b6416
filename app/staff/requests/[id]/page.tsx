import { notFound } from "next/navigation";
import { CertificateDecisionForm } from "@/components/certificates/certificate-decision-form";
import { ServicePeriodsTable } from "@/components/certificates/service-periods-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { CERTIFICATE_KIND_INFO, REQUEST_STATUS_INFO } from "@/lib/certificates/labels";
import { loadUnitRequest } from "@/lib/certificates/load-unit-request";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { z } from "@/lib/zod";

export const metadata = { title: "Запит на підтвердження служби" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffOfficer(`/staff/requests/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const request = await loadUnitRequest(createCtx({ actor }), id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const waiting = request.periods.filter((period) => period.defenceConfirmedOn === null);
  const periodsText = waiting
    .map(
      (period) =>
        `${period.position}, ${formatDate(period.fromDate)} – ${period.untilDate ? formatDate(period.untilDate) : "по теперішній час"}`,
    )
    .join("; ");

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={`в/ч ${request.unit.code} · ${CERTIFICATE_KIND_INFO[request.kind].title}`}
        title={request.person.fullName}
        subtitle={`Народився ${formatDate(request.person.birthDate)} · РНОКПП ${request.person.rnokpp}${request.person.rank ? ` · ${request.person.rank}` : ""}`}
      />
      <Card>
        <CardTitle
          action={
            <Badge tone={REQUEST_STATUS_INFO[request.status].tone} testId="request-status">
              {REQUEST_STATUS_INFO[request.status].label}
            </Badge>
          }
        >
          Запит
        </CardTitle>
        <p className="text-sm">
          Надійшов {formatDateTime(request.createdAt)}
          {request.dueOn ? ` · відповісти до ${formatDate(request.dueOn)}` : ""}
        </p>
        {request.status === "REFUSED" ? <p className="mt-2 text-sm">Відмовлено: {request.refusalReason}</p> : null}
        {request.certificateNumber ? (
          <p className="mt-2 text-sm" data-testid="issued-number">
            Видано довідку № {request.certificateNumber}
          </p>
        ) : null}
      </Card>
      <Card>
        <CardTitle>Періоди служби у в/ч {request.unit.code}</CardTitle>
        <ServicePeriodsTable periods={request.periods} />
      </Card>
      {request.status === "PENDING" ? (
        <Card>
          <CardTitle>Рішення</CardTitle>
          <CertificateDecisionForm requestId={request.id} officerRnokpp={actor.rnokpp} periodsText={periodsText} />
        </Card>
      ) : null}
    </div>
  );
}
