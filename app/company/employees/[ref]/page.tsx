import Link from "next/link";
import { DecisionBadge, KindBadge } from "@/components/company/application-badges";
import { Eligibility, ReservationState } from "@/components/company/employee-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireCompany } from "@/lib/auth/gate";
import { notFound } from "next/navigation";
import { rnokppFromRef } from "@/lib/company/employee-ref";
import { getEmployeeDetail } from "@/lib/company/get-employee-detail";
import { militaryStatusText } from "@/lib/company/labels";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";
import { orNotFound } from "../../_lib/or-not-found";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Працівник" };

const SOURCE_LABELS: Record<string, string> = { portal: "Броня", diia: "Дія" };
const MARK_STATUS: Record<string, string> = {
  ACTIVE: "Чинне",
  ANNULLED: "Анульоване",
  EXPIRED: "Закінчилося",
  SUPERSEDED: "Продовжене новим",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function Page({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const actor = await requireCompany("/company/employees");
  // The address carries an opaque reference, never the РНОКПП (lib/company/employee-ref.ts).
  const rnokpp = rnokppFromRef(ref);
  if (!rnokpp) notFound();
  const e = await orNotFound(getEmployeeDetail(createCtx({ actor, readOnly: true }), { rnokpp }));
  const m = e.military;

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={
          <Link href="/company/employees" className="link">
            ← Усі працівники
          </Link>
        }
        title={e.fullName}
        subtitle={`РНОКПП ${e.rnokpp} · народився(лася) ${formatDate(e.birthDate)} (${e.age} р.)`}
      />
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardTitle>Чи можна забронювати сьогодні</CardTitle>
          {e.current ? (
            <div className="space-y-3" data-testid="employee-verdict">
              <Eligibility
                eligible={e.current.eligible}
                reasons={e.current.reasons}
                exception45={e.current.exception45}
              />
              <ReservationState state={e.current.state} reservedUntil={e.current.reservedUntil} />
              {e.current.eligible && e.current.state === "not_reserved" ? (
                <Link href="/company/applications/new" className="link inline-block text-sm">
                  Подати заяву про бронювання →
                </Link>
              ) : null}
            </div>
          ) : (
            <Notice tone="info">
              Сьогодні особа не працює на підприємстві за даними Пенсійного фонду. Нижче — історія.
            </Notice>
          )}
          {e.reservedElsewhere ? (
            <p className="mt-3 text-sm">Особа має чинне бронювання на іншому підприємстві.</p>
          ) : null}
          <p className="mt-3 text-xs text-muted">Оцінка за правилами на {formatDate(e.date)} без урахування ліміту.</p>
        </Card>
        <Card>
          <CardTitle>Військовий облік (реєстр «Оберіг»)</CardTitle>
          {m ? (
            <dl className="divide-y divide-line/70">
              <Fact label="Статус">{militaryStatusText(m.status, m.liability)}</Fact>
              <Fact label="Категорія обліку">{m.category}</Fact>
              <Fact label="ТЦК та СП">
                {m.tcc}, на обліку з {formatDate(m.registeredOn)}
              </Fact>
              <Fact label="Дані уточнено">
                {m.dataUpdatedOn ? formatDate(m.dataUpdatedOn) : <Badge tone="fail">Не уточнено</Badge>}
              </Fact>
              <Fact label="Розшук">{m.wanted ? <Badge tone="fail">У розшуку ТЦК та СП</Badge> : "Ні"}</Fact>
              {m.deferment ? (
                <Fact label="Відстрочка">
                  {m.deferment}
                  {m.defermentUntil ? ` до ${formatDate(m.defermentUntil)}` : ""}
                </Fact>
              ) : null}
              {m.vlkDate ? (
                <Fact label="ВЛК">
                  {formatDate(m.vlkDate)}
                  {m.vlkResult ? `: ${m.vlkResult}` : ""}
                </Fact>
              ) : null}
            </dl>
          ) : (
            <p>Відомості про особу відсутні в реєстрі «Оберіг».</p>
          )}
          <p className="mt-3 text-xs text-muted">
            Запис реєстру оновлено {formatDateTime(new Date(m?.updatedAt ?? e.personUpdatedAt))}.
          </p>
        </Card>
      </div>

      <Card>
        <CardTitle>Робота на підприємстві (дані Пенсійного фонду)</CardTitle>
        {e.jobs.length === 0 ? (
          <EmptyState title="Відомостей про роботу на підприємстві немає" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Посада</Th>
                <Th>Період</Th>
                <Th className="text-right">Зарплата</Th>
                <Th>Примітки</Th>
                <Th>Звітовано</Th>
              </tr>
            </thead>
            <tbody>
              {e.jobs.map((job) => (
                <tr key={job.id}>
                  <Td>{job.position}</Td>
                  <Td className="tabular whitespace-nowrap">
                    {formatDate(job.startDate)} – {job.endDate ? formatDate(job.endDate) : "донині"}
                  </Td>
                  <Td className="tabular whitespace-nowrap text-right">
                    {formatMoney(job.salary, { nonBreaking: true })}
                  </Td>
                  <Td>
                    {[
                      job.mainJob ? "основне місце" : "за сумісництвом",
                      job.suspended ? "дію договору призупинено" : null,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </Td>
                  <Td className="tabular">{formatDate(job.reportedOn)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card>
        <CardTitle>Бронювання на підприємстві</CardTitle>
        {e.reservations.length === 0 ? (
          <EmptyState title="Бронювань на цьому підприємстві не було" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Строк</Th>
                <Th>Стан</Th>
                <Th>Оформлено через</Th>
                <Th>Припинено</Th>
              </tr>
            </thead>
            <tbody>
              {e.reservations.map((r, index) => (
                <tr key={index}>
                  <Td className="tabular whitespace-nowrap">
                    {formatDate(r.fromDate)} – {formatDate(r.untilDate)}
                  </Td>
                  <Td>
                    <Badge tone={r.status === "ACTIVE" ? "success" : "neutral"}>
                      {MARK_STATUS[r.status] ?? r.status}
                    </Badge>
                  </Td>
                  <Td>
                    {r.applicationId ? (
                      <Link href={`/company/applications/${r.applicationId}`} className="link">
                        {SOURCE_LABELS[r.source] ?? r.source}
                      </Link>
                    ) : (
                      (SOURCE_LABELS[r.source] ?? r.source)
                    )}
                  </Td>
                  <Td>
                    {r.annulledAt
                      ? `${formatDateTime(r.annulledAt)}${r.annulmentGround ? `: ${r.annulmentGround}` : ""}`
                      : "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card>
        <CardTitle>Заяви щодо працівника</CardTitle>
        {e.history.length === 0 ? (
          <EmptyState title="Заяв щодо цього працівника ще не подавали" />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Подано</Th>
                <Th>Вид</Th>
                <Th>Рішення</Th>
                <Th>Строк або причина</Th>
                <Th>Підписав(ла)</Th>
              </tr>
            </thead>
            <tbody>
              {e.history.map((h) => (
                <tr key={h.applicationId} data-testid="history-row">
                  <Td className="whitespace-nowrap">
                    <Link href={`/company/applications/${h.applicationId}`} className="link tabular">
                      {formatDateTime(h.submittedAt)}
                    </Link>
                  </Td>
                  <Td>
                    <KindBadge kind={h.kind} />
                    {h.ground ? <p className="mt-1 text-xs text-muted">{h.ground}</p> : null}
                  </Td>
                  <Td>
                    <DecisionBadge decision={h.decision} />
                  </Td>
                  <Td>
                    {h.reasons.length > 0
                      ? h.reasons.map((r) => r.message).join("; ")
                      : h.reservedFrom && h.reservedUntil
                        ? `${formatDate(h.reservedFrom)} – ${formatDate(h.reservedUntil)}`
                        : "—"}
                  </Td>
                  <Td>{h.signerName}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
