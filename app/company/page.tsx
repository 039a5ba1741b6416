import Link from "next/link";
import { ApplicationsTable } from "@/components/company/applications-table";
import { NotCriticalNotice } from "@/components/company/standing-notice";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { LimitBar } from "@/components/ui/limit-bar";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireCompany } from "@/lib/auth/gate";
import { getCompanyOverview } from "@/lib/company/get-company-overview";
import { formatDate, formatDateTime, formatNumber, pluralUk } from "@/lib/format";
import { EXPIRING_WITHIN_DAYS } from "@/lib/rules";
import { orNotFound } from "./_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Кабінет підприємства" };

function CountLink({
  href,
  label,
  value,
  hint,
  testId,
}: {
  href: string;
  label: string;
  value: number;
  hint?: string;
  testId: string;
}) {
  return (
    <Link href={href} className="block rounded-2xl bg-canvas/60 px-4 py-3 hover:bg-canvas" data-testid={testId}>
      <span className="block text-sm text-muted">{label}</span>
      <span className="tabular mt-1 block text-2xl font-semibold">{formatNumber(value)}</span>
      {hint ? <span className="mt-0.5 block text-xs text-muted">{hint}</span> : null}
    </Link>
  );
}

const days = (n: number) => `${formatNumber(n)} ${pluralUk(n, ["день", "дні", "днів"])}`;

export default async function Page() {
  const actor = await requireCompany("/company");
  const o = await orNotFound(getCompanyOverview(createCtx({ actor, readOnly: true })));
  const { standing, counts } = o;
  const d = standing.decision;

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          o.isHead
            ? "Кабінет керівника підприємства"
            : `Кабінет довіреної особи · підписує керівник ${o.enterprise.headName ?? ""}`.trim()
        }
        title={o.enterprise.shortName ?? o.enterprise.name}
        subtitle={`ЄДРПОУ ${o.enterprise.edrpou} · ${o.enterprise.region} · КВЕД ${o.enterprise.kved} ${o.enterprise.kvedName}`}
        actions={
          standing.critical ? (
            <ButtonLink href="/company/applications/new" size="lg" data-testid="new-application">
              Нова заява
            </ButtonLink>
          ) : null
        }
      />

      {o.drafts.length > 0 ? (
        <Notice
          tone="warning"
          title={
            o.isHead
              ? `Заяви, що очікують вашого підпису: ${o.drafts.length}`
              : `Підготовлені заяви очікують підпису керівника: ${o.drafts.length}`
          }
          testId="drafts-waiting"
        >
          <Link
            href={o.isHead ? `/company/applications/drafts/${o.drafts[0]!.id}` : "/company/applications"}
            className="link"
          >
            {o.isHead ? "Перевірити й підписати" : "Переглянути"}
          </Link>
        </Notice>
      ) : null}

      {standing.critical && d ? (
        <Card data-testid="critical-status">
          <CardTitle
            action={
              <Badge tone={standing.expiresSoon ? "warning" : "success"}>
                Критично важливе до {formatDate(d.validUntil)}
              </Badge>
            }
          >
            Статус критичності
          </CardTitle>
          {standing.expiresSoon && standing.daysLeft !== null ? (
            <Notice tone="warning" className="mb-4" title={`Рішення діє ще ${days(standing.daysLeft)}`}>
              Після {formatDate(d.validUntil)} нові заяви не прийматимуть, а чинні бронювання анулюють. Зверніться до
              органу ({d.authorityName}), щоб підтвердити статус заздалегідь.
            </Notice>
          ) : null}
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-muted">Орган, що ухвалив рішення</dt>
              <dd>{d.authorityName}</dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Рішення</dt>
              <dd className="tabular">
                № {d.number} від {formatDate(d.decidedOn)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Діє</dt>
              <dd className="tabular">
                з {formatDate(d.validFrom)} до {formatDate(d.validUntil)} · залишилось {days(standing.daysLeft ?? 0)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">Категорія ліміту</dt>
              <dd>{d.limitCategory}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-sm text-muted">Критерії, за якими визнано критичним</dt>
              <dd>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {d.criteria.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
                {d.salaryExemption ? (
                  <p className="mt-1 text-sm text-muted">Звільнено від вимоги щодо зарплати: {d.salaryExemption}</p>
                ) : null}
              </dd>
            </div>
          </dl>
        </Card>
      ) : (
        <NotCriticalNotice standing={standing} />
      )}

      <Card>
        <CardTitle>Ліміт бронювання</CardTitle>
        <LimitBar reserved={o.limit.used} limit={o.limit.total} base={d?.militaryLiableCount} />
        <p className="mt-2 text-sm text-muted">
          {d
            ? `Ліміт — ${d.limitPercent} % від ${formatNumber(d.militaryLiableCount)} військовозобов'язаних за рішенням. `
            : ""}
          Вільних місць: <strong className="tabular text-ink">{formatNumber(o.limit.available)}</strong>.
        </p>
      </Card>

      <Card>
        <CardTitle
          action={
            <Link href="/company/employees" className="link text-sm">
              Усі працівники ({formatNumber(counts.employees)})
            </Link>
          }
        >
          Працівники
        </CardTitle>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <CountLink
            href="/company/employees?eligible=yes&state=not_reserved"
            label="Можна забронювати"
            value={counts.reservable}
            testId="count-reservable"
          />
          <CountLink
            href="/company/employees?state=reserved"
            label="Заброньовано"
            value={counts.reserved}
            testId="count-reserved"
          />
          <CountLink
            href="/company/employees?state=expiring&sort=reservedUntil"
            label={`Спливає за ${EXPIRING_WITHIN_DAYS} днів`}
            value={counts.expiring}
            hint="Подайте їх знову, щоб не було перерви"
            testId="count-expiring"
          />
          <CountLink
            href="/company/employees?eligible=no&state=not_reserved"
            label="Не можна забронювати"
            value={counts.notEligible}
            hint="Причину видно в списку"
            testId="count-not-eligible"
          />
        </div>
        {counts.reservedElsewhere > 0 ? (
          <p className="mt-3 text-sm text-muted">
            Заброньовані іншими підприємствами: {formatNumber(counts.reservedElsewhere)}.
          </p>
        ) : null}
      </Card>

      <div className="grid gap-5 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardTitle
            action={
              <Link href="/company/applications" className="link text-sm">
                Усі заяви
              </Link>
            }
          >
            Останні заяви
          </CardTitle>
          <ApplicationsTable items={o.applications} />
        </Card>
        <Card>
          <CardTitle
            action={
              <Link href="/company/notifications" className="link text-sm">
                Усі{o.notifications.unread > 0 ? ` (${o.notifications.unread} нових)` : ""}
              </Link>
            }
          >
            Сповіщення
          </CardTitle>
          {o.notifications.items.length === 0 ? (
            <p className="text-muted">Сповіщень немає.</p>
          ) : (
            <ul className="space-y-3">
              {o.notifications.items.map((n) => (
                <li key={n.id}>
                  <p className={n.readAt ? "font-medium" : "font-semibold"}>
                    {n.readAt ? null : <span className="sr-only">Нове: </span>}
                    {n.link ? (
                      <Link href={n.link} className="link">
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  <p className="text-sm text-muted">{formatDateTime(n.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
