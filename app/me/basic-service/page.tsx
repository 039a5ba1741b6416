import { BasicServiceForm } from "@/components/centres/basic-service-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { getBasicServiceStatus } from "@/lib/centres/get-basic-service-status";
import { BASIC_SERVICE_STATUS_INFO } from "@/lib/centres/labels";
import { listCentres } from "@/lib/centres/list-centres";
import { BASIC_SERVICE_SPECIALTIES } from "@/lib/centres/schemas";
import { createCtx } from "@/lib/context-server";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Базова військова служба" };

export default async function Page() {
  const actor = await requireConscript("/me/basic-service");
  const ctx = createCtx({ actor, now: new Date() });
  const [status, catalogue] = await Promise.all([getBasicServiceStatus(ctx), listCentres(ctx, {})]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Базова військова служба"
        subtitle="Для чоловіків 18–24 років, які перебувають на обліку як призовники: заява в кілька кліків, відповідь дає обраний рекрутинговий центр"
      />
      {!status.eligibility.eligible ? (
        <Notice tone="warning" title="Подати заяву ви не можете" testId="basic-service-ineligible">
          {status.eligibility.message}
        </Notice>
      ) : status.open ? (
        <Notice tone="info" title="Заяву подано" testId="basic-service-open">
          Ви вже подали заяву до «{status.open.centre.name}»:{" "}
          {BASIC_SERVICE_STATUS_INFO[status.open.status].label.toLowerCase()}.
        </Notice>
      ) : (
        <Card>
          <CardTitle>Нова заява</CardTitle>
          <p className="mb-3 text-sm text-muted">
            Вам {status.eligibility.age} р. Оберіть спеціальність і центр, де пройдете співбесіду та ВЛК.
          </p>
          <BasicServiceForm
            centres={catalogue.items.map((c) => ({ id: c.id, label: `${c.name} (${c.region})` }))}
            specialties={[...BASIC_SERVICE_SPECIALTIES]}
          />
        </Card>
      )}
      {status.applications.length > 0 ? (
        <Card>
          <CardTitle>Мої заяви</CardTitle>
          <ul className="divide-y divide-black/10" data-testid="my-basic-service">
            {status.applications.map((application) => (
              <li
                key={application.id}
                className="space-y-1 py-3"
                data-testid="my-basic-service-application"
                data-status={application.status}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{application.specialty}</span>
                  <Badge tone={BASIC_SERVICE_STATUS_INFO[application.status].tone}>
                    {BASIC_SERVICE_STATUS_INFO[application.status].label}
                  </Badge>
                </div>
                <p className="text-sm text-muted">
                  {application.centre.name}, {application.centre.address} · подано{" "}
                  {formatDateTime(application.createdAt)}
                </p>
                {application.decisionComment ? (
                  <p className="text-sm">Відповідь центру: {application.decisionComment}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
