import { notFound } from "next/navigation";
import { ServicePeriodCorrectionForm } from "@/components/certificates/service-period-correction-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { loadUnitServicePeriod } from "@/lib/certificates/service-period-correction";
import { createCtx } from "@/lib/context-server";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { z } from "@/lib/zod";

export const metadata = { title: "Виправлення періоду служби" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffOfficer(`/staff/periods/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const { unit, person, period } = await loadUnitServicePeriod(createCtx({ actor }), id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={`в/ч ${unit.code} · ${unit.name}`}
        title="Виправлення періоду служби"
        subtitle={`${person.fullName} · РНОКПП ${person.rnokpp}`}
      />
      <Card>
        <CardTitle>Період у реєстрі «Оберіг»</CardTitle>
        <dl className="grid gap-2 text-sm md:grid-cols-4" data-testid="period-now">
          <div>
            <dt className="text-muted">Посада</dt>
            <dd>{period.position}</dd>
          </div>
          <div>
            <dt className="text-muted">З</dt>
            <dd className="tabular">{formatDate(period.fromDate)}</dd>
          </div>
          <div>
            <dt className="text-muted">По</dt>
            <dd className="tabular">{period.untilDate ? formatDate(period.untilDate) : "по теперішній час"}</dd>
          </div>
          <div>
            <dt className="text-muted">Участь у захисті</dt>
            <dd>
              {period.defenceConfirmedOn ? (
                `підтверджено ${formatDate(period.defenceConfirmedOn)}`
              ) : (
                <Badge tone="pending">не підтверджено</Badge>
              )}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-muted">
          Підтвердження участі у захисті після виправлення зберігається. Чинні довідки про участь у військовій службі,
          що містять інші відомості, ніж реєстр після виправлення, буде відкликано з вашою причиною.
        </p>
      </Card>
      <Card>
        <CardTitle>Виправлені відомості</CardTitle>
        <ServicePeriodCorrectionForm
          rnokpp={person.rnokpp}
          period={{ id: period.id, position: period.position, fromDate: period.fromDate, untilDate: period.untilDate }}
          officerRnokpp={actor.rnokpp}
        />
      </Card>
    </div>
  );
}
