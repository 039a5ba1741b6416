import Link from "next/link";
import { RequestCertificateButton } from "@/components/certificates/request-certificate-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { CERTIFICATE_KIND_INFO, REQUEST_STATUS_INFO } from "@/lib/certificates/labels";
import { listMyCertificates } from "@/lib/certificates/list-my-certificates";
import { createCtx } from "@/lib/context-server";
import { formatDate, formatDateTime } from "@/lib/format";
import { CERTIFICATE_KINDS } from "@/lib/rules/certificate-entitlement";

export const metadata = { title: "Довідки" };

export default async function Page() {
  const actor = await requireConscript("/me/certificates");
  const requests = await listMyCertificates(createCtx({ actor }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Довідки"
        subtitle="Документи з реєстру «Оберіг», скріплені кваліфікованою електронною печаткою; перевірити їх може будь-хто за QR-кодом"
      />
      <div className="grid gap-4 lg:grid-cols-3">
        {CERTIFICATE_KINDS.map((kind) => (
          <Card key={kind} className="flex flex-col justify-between gap-4">
            <div>
              <h2 className="text-lg font-semibold">{CERTIFICATE_KIND_INFO[kind].title}</h2>
              <p className="mt-1 text-sm text-muted">{CERTIFICATE_KIND_INFO[kind].description}</p>
            </div>
            <RequestCertificateButton kind={kind} label="Замовити" />
          </Card>
        ))}
      </div>

      <Card>
        <CardTitle>Мої запити</CardTitle>
        {requests.length === 0 ? (
          <EmptyState title="Запитів ще немає">
            Замовте довідку вище: якщо реєстр містить усі відомості, вона буде готова за кілька секунд.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-black/10" data-testid="certificate-requests">
            {requests.map((request) => {
              const status = REQUEST_STATUS_INFO[request.status];
              const certificate = request.certificate;
              return (
                <li
                  key={request.id}
                  className="space-y-2 py-4"
                  data-testid="certificate-request"
                  data-kind={request.kind}
                  data-status={request.status}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{CERTIFICATE_KIND_INFO[request.kind].title}</span>
                    <Badge tone={certificate?.revokedAt ? "fail" : status.tone}>
                      {certificate?.revokedAt ? "Відкликано" : status.label}
                    </Badge>
                    <span className="text-sm text-muted">запит від {formatDateTime(request.createdAt)}</span>
                  </div>
                  {request.status === "PENDING" ? (
                    <p className="text-sm" data-testid="certificate-due">
                      Період служби підтверджує в/ч {request.unit?.code} ({request.unit?.name}). Відповідь — до{" "}
                      <strong>{request.dueOn ? formatDate(request.dueOn) : "—"}</strong>.
                    </p>
                  ) : null}
                  {request.status === "REFUSED" ? (
                    <p className="text-sm">Причина відмови: {request.refusalReason}</p>
                  ) : null}
                  {certificate ? (
                    <div className="flex flex-wrap items-center gap-3 text-sm">
                      <span className="tabular" data-testid="certificate-number">
                        № {certificate.number} від {formatDate(certificate.issuedAt)}
                      </span>
                      <a className="link" href={`/me/certificates/${certificate.id}/pdf`} data-testid="download-pdf">
                        Завантажити PDF
                      </a>
                      <a className="link" href={`/me/certificates/${certificate.id}/p7s`} data-testid="download-p7s">
                        Печатка (.p7s)
                      </a>
                      <Link className="link" href={`/verify/certificate/${certificate.code}`} data-testid="verify-link">
                        Перевірити
                      </Link>
                      {certificate.revokedAt ? (
                        <span className="text-chip-fail">Відкликано: {certificate.revocationReason}</span>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
