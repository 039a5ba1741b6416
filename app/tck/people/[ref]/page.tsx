import { notFound } from "next/navigation";
import { DataUpdateForm } from "@/components/tck/data-update-form";
import { DefermentForm } from "@/components/tck/deferment-form";
import { VlkReferralForm } from "@/components/tck/vlk-referral-form";
import { WantedForm } from "@/components/tck/wanted-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { isAppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { NOTICE_STATUS_LABELS, NOTICE_STATUS_TONES } from "@/lib/notices/labels";
import { noticeNumber } from "@/lib/notices/notice-number";
import { LIABILITY_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/rules";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";
import { getRegisterPerson } from "@/lib/tck/get-register-person";
import { DEFERMENT_GROUNDS } from "@/lib/tck/grant-deferment";
import { rnokppFromTckRef } from "@/lib/tck/person-ref";

export const metadata = { title: "Облікова картка" };

export default async function Page({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const actor = await requireTck(`/tck/people/${ref}`);
  const rnokpp = rnokppFromTckRef(ref);
  if (!rnokpp) notFound();
  const view = await getRegisterPerson(createCtx({ actor }), { rnokpp }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { row, person } = view;
  const facts: Array<[string, string]> = [
    ["РНОКПП", row.rnokpp],
    ["Дата народження", formatDate(row.birthDate)],
    ["Статус обліку", REGISTRATION_STATUS_LABELS[row.status]],
    ["Хто на обліку", LIABILITY_LABELS[row.liability]],
    ["Категорія обліку", String(row.category)],
    ["Дані уточнено", row.dataUpdatedOn ? formatDate(row.dataUpdatedOn) : "ні"],
    ["У розшуку", row.wanted ? "так" : "ні"],
    ["ВЛК", row.vlkDate ? `${formatDate(row.vlkDate)} — ${row.vlkResult ?? ""}` : "не проходив"],
    [
      "Направлення на ВЛК",
      row.vlkReferral ? `${formatDateTime(new Date(row.vlkReferral.at))}, ${row.vlkReferral.place}` : "немає",
    ],
    [
      "Відстрочка",
      row.deferment ? `${row.deferment}${row.defermentUntil ? ` до ${formatDate(row.defermentUntil)}` : ""}` : "немає",
    ],
    [
      "Бронювання",
      row.reservation ? `ЄДРПОУ ${row.reservation.edrpou}, до ${formatDate(row.reservation.untilDate)}` : "немає",
    ],
    ["Проходить службу", row.mobilisedOn ? `з ${formatDate(row.mobilisedOn)}` : "ні"],
    ["Адреса", person.address ?? "—"],
    ["Телефон", person.phone ?? "—"],
  ];
  return (
    <div className="space-y-5">
      <PageHeader title={row.fullName} eyebrow="Облікова картка" subtitle={row.tcc} />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="tabular">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card>
        <CardTitle>Повістки цього ТЦК</CardTitle>
        {view.notices.length === 0 ? (
          <p className="text-muted">Повісток не формували.</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Номер</Th>
                <Th>Вид</Th>
                <Th>Явка</Th>
                <Th>Стан</Th>
              </tr>
            </thead>
            <tbody>
              {view.notices.map((n) => (
                <tr key={n.id}>
                  <Td className="tabular">{noticeNumber(n.seq, n.createdAt)}</Td>
                  <Td>{NOTICE_KIND_LABELS[n.kind]}</Td>
                  <Td className="tabular">{formatDateTime(n.appearAt)}</Td>
                  <Td>
                    <Badge tone={NOTICE_STATUS_TONES[n.status]}>{NOTICE_STATUS_LABELS[n.status]}</Badge>
                    {n.withdrawnReason ? <p className="mt-1 text-sm text-muted">{n.withdrawnReason}</p> : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {view.refusals.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm">
            {view.refusals.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.at)}: повістку не сформовано — {r.message}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <Card>
        <CardTitle>Історія бронювання</CardTitle>
        {view.marks.length === 0 ? (
          <p className="text-muted">Бронювань не було.</p>
        ) : (
          <ul className="space-y-1">
            {view.marks.map((m) => (
              <li key={m.id} className="tabular">
                ЄДРПОУ {m.edrpou}: {formatDate(m.fromDate)} — {formatDate(m.untilDate)} (
                {m.status === "ACTIVE" ? "чинне" : "припинене"})
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle>{row.wanted ? "Зняти з розшуку" : "Оголосити в розшук"}</CardTitle>
        <WantedForm personRef={ref} wanted={row.wanted} />
      </Card>
      <Card>
        <CardTitle>Записати уточнені дані</CardTitle>
        <DataUpdateForm
          personRef={ref}
          values={{
            phone: person.phone ?? "",
            email: person.email ?? "",
            address: person.address ?? "",
            rank: person.military?.rank ?? "",
            specialty: person.military?.specialty ?? "",
          }}
        />
      </Card>
      <Card>
        <CardTitle>Направити на ВЛК</CardTitle>
        <VlkReferralForm personRef={ref} defaultPlace={view.tcc.address} />
      </Card>
      <Card>
        <CardTitle>Надати відстрочку</CardTitle>
        <DefermentForm personRef={ref} grounds={[...DEFERMENT_GROUNDS]} />
      </Card>
    </div>
  );
}
