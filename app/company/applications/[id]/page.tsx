import Link from "next/link";
import { ApplicationItems } from "@/components/company/application-items";
import { ApplicationStatusBadge, KindBadge } from "@/components/company/application-badges";
import { DecisionProgress } from "@/components/company/decision-progress";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { requireCompany } from "@/lib/auth/gate";
import { getApplicationPage, ITEM_FILTERS, ITEMS_PAGE_SIZE, type ItemFilter } from "@/lib/company/get-application-page";
import { formatDateTime, formatNumber } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import { orNotFound } from "../../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Заява" };

const FILTER_LABELS: Record<ItemFilter, [string, string]> = {
  all: ["Усі", "Усі"],
  reserved: ["Заброньовано", "Анульовано"],
  refused: ["Відмовлено", "Не анульовано"],
};

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requireCompany(`/company/applications/${id}`);
  const filter = ITEM_FILTERS.find((f) => f === query.show) ?? "all";
  const page = Number(typeof query.page === "string" ? query.page : 1) || 1;
  const app = await orNotFound(getApplicationPage(createCtx({ actor }), { applicationId: id, filter, page }));
  const reservation = app.kind === "RESERVATION";
  const deciding = app.status === "QUEUED" || app.status === "PROCESSING";
  const docs = `/api/documents/${app.signedDocumentId}`;

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          <Link href="/company/applications" className="link">
            ← Усі заяви
          </Link>
        }
        title={reservation ? "Заява про бронювання" : "Заява про анулювання бронювання"}
        subtitle={`Подано ${formatDateTime(app.submittedAt)} · підписав(ла) ${app.signer.fullName}${app.preparedByName && app.preparedByName !== app.signer.fullName ? ` · підготував(ла) ${app.preparedByName}` : ""}`}
        actions={
          <div className="flex items-center gap-2">
            <KindBadge kind={app.kind} />
            <ApplicationStatusBadge status={app.status} />
          </div>
        }
      />
      {deciding ? <DecisionProgress applicationId={app.id} kind={app.kind} /> : null}
      {app.status === "FAILED" ? (
        <Notice tone="error" title="Заяву не розглянуто">
          {app.failureReason ?? "Сталася помилка під час розгляду."} Сформуйте та підпишіть її знову.
        </Notice>
      ) : null}
      {app.status === "DECIDED" ? (
        <Notice
          tone="success"
          testId="decision-done"
          title={`Рішення ухвалено ${app.decidedAt ? formatDateTime(app.decidedAt) : ""}`.trim()}
        >
          {reservation
            ? `Заброньовано ${formatNumber(app.counts.reserved)} з ${formatNumber(app.counts.items)}; відмовлено — ${formatNumber(app.counts.refused)}. Кожного працівника повідомлено; відомості внесено до реєстру «Оберіг».`
            : `Анульовано ${formatNumber(app.counts.reserved)} з ${formatNumber(app.counts.items)} бронювань. Кожного працівника повідомлено.`}
        </Notice>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label="Працівників у заяві" value={formatNumber(app.counts.items)} />
        <Stat
          label={reservation ? "Заброньовано" : "Анульовано"}
          value={deciding ? "…" : formatNumber(app.counts.reserved)}
        />
        <Stat
          label={reservation ? "Відмовлено" : "Не анульовано"}
          value={deciding ? "…" : formatNumber(app.counts.refused)}
        />
      </div>

      <Card>
        <CardTitle>Документи</CardTitle>
        {app.ground ? <p className="mb-3">Підстава анулювання: {app.ground.label}</p> : null}
        <ul className="grid gap-2 text-[15px] sm:grid-cols-2">
          <li>
            <a className="link" href={`${docs}/signature`} download>
              Підпис КЕП (.p7s)
            </a>
          </li>
          <li>
            <a className="link" href={`${docs}/content`} download>
              Підписаний документ (.json)
            </a>
          </li>
          <li>
            <a className="link" href={`${docs}/report`} download>
              Протокол перевірки підпису (.txt)
            </a>
          </li>
          {deciding ? null : (
            <li>
              <a className="link" href={`/company/applications/${app.id}/csv`} download data-testid="download-csv">
                Результати для Excel (CSV)
              </a>
            </li>
          )}
        </ul>
        <p className="mt-3 text-xs text-muted">
          Підписувач: {app.signer.fullName}, РНОКПП {maskRnokpp(app.signer.rnokpp)}
          {app.rulesetVersion ? ` · правила: ${app.rulesetVersion}` : ""}
        </p>
      </Card>

      <Card>
        <CardTitle>Результат щодо кожного працівника</CardTitle>
        <nav aria-label="Показати" className="mb-3 flex flex-wrap gap-2">
          {ITEM_FILTERS.map((f) => (
            <Link
              key={f}
              href={`/company/applications/${app.id}${f === "all" ? "" : `?show=${f}`}`}
              aria-current={f === filter ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1.5 text-sm ring-1 ring-inset",
                f === filter ? "bg-ink text-white ring-ink" : "ring-line hover:bg-black/5",
              )}
            >
              {FILTER_LABELS[f][reservation ? 0 : 1]}
            </Link>
          ))}
        </nav>
        <ApplicationItems items={app.items} kind={app.kind} />
        <Pagination
          page={app.page}
          pageSize={ITEMS_PAGE_SIZE}
          total={app.itemTotal}
          basePath={`/company/applications/${app.id}`}
          params={{ show: filter === "all" ? undefined : filter }}
        />
      </Card>
    </div>
  );
}
