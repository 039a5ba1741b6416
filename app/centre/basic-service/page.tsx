import { BasicServiceDecisionForm } from "@/components/centres/basic-service-decision-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCentreRecruiter } from "@/lib/auth/gate";
import { BASIC_SERVICE_STATUS_INFO } from "@/lib/centres/labels";
import { listCentreBasicService } from "@/lib/centres/list-centre-basic-service";
import { createCtx } from "@/lib/context-server";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Заяви на базову військову службу" };

export default async function Page() {
  const actor = await requireCentreRecruiter("/centre/basic-service");
  const rows = await listCentreBasicService(createCtx({ actor, now: new Date() }));

  return (
    <div className="space-y-5">
      <PageHeader
        title="Заяви на базову військову службу"
        subtitle="Призовники 18–24 років, які обрали ваш центр. Рішення записується до реєстру «Оберіг», заявник отримує сповіщення"
      />
      {rows.length === 0 ? (
        <EmptyState title="Заяв ще немає">Нові заяви з'являться тут і в сповіщеннях.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="basic-service-applications">
          {rows.map((row) => {
            const status = BASIC_SERVICE_STATUS_INFO[row.status];
            return (
              <li key={row.id}>
                <Card className="space-y-2" data-testid="basic-service-application" data-status={row.status}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{row.fullName}</span>
                    <span className="text-sm text-muted">{row.age} р.</span>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </div>
                  <p className="text-sm">
                    Спеціальність: {row.specialty} · подано {formatDateTime(row.createdAt)}
                  </p>
                  {row.decisionComment ? <p className="text-sm">Коментар: {row.decisionComment}</p> : null}
                  {row.status === "SUBMITTED" ? (
                    <BasicServiceDecisionForm applicationId={row.id} fullName={row.fullName} />
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
