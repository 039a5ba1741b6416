import Link from "next/link";
import { MarkVisitButtons } from "@/components/centres/mark-visit-buttons";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireCentreRecruiter } from "@/lib/auth/gate";
import { listCentreVisits } from "@/lib/centres/list-centre-visits";
import { VISIT_PURPOSES } from "@/lib/centres/schemas";
import { createCtx } from "@/lib/context-server";
import { formatDate, formatDateTime } from "@/lib/format";
import { addDays } from "@/lib/rules/calendar";

export const metadata = { title: "Візити до центру" };

export default async function Page({ searchParams }: { searchParams: Promise<{ day?: string | string[] }> }) {
  const actor = await requireCentreRecruiter("/centre");
  const raw = (await searchParams).day;
  const { centre, day, visits } = await listCentreVisits(createCtx({ actor, now: new Date(), readOnly: true }), {
    day: Array.isArray(raw) ? raw[0] : raw,
  });
  const booked = visits.filter((visit) => visit.status === "BOOKED");

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={centre.name}
        title={`Візити на ${formatDate(day)}`}
        subtitle={`${centre.address} · записано ${booked.length}`}
      />
      <nav className="flex flex-wrap gap-3 text-sm" aria-label="Інший день">
        <Link className="link" href={`/centre?day=${addDays(day, -1)}`}>
          ← {formatDate(addDays(day, -1))}
        </Link>
        <Link className="link" href="/centre">
          Сьогодні
        </Link>
        <Link className="link" href={`/centre?day=${addDays(day, 1)}`}>
          {formatDate(addDays(day, 1))} →
        </Link>
      </nav>
      <Card>
        {visits.length === 0 ? (
          <EmptyState title="На цей день записів немає">
            Громадяни записуються з кабінету «Мій облік»; нові записи з'являться тут.
          </EmptyState>
        ) : (
          <Table data-testid="centre-visits">
            <thead>
              <tr>
                <Th>Час</Th>
                <Th>Відвідувач</Th>
                <Th>Мета</Th>
                <Th>Стан</Th>
                <Th>Записався</Th>
                <Th>Відмітка</Th>
              </tr>
            </thead>
            <tbody>
              {visits.map((visit) => (
                <tr
                  key={visit.id}
                  data-testid="centre-visit"
                  data-status={visit.status}
                  data-attendance={visit.attendance ?? ""}
                >
                  <Td className="tabular">{visit.time}</Td>
                  <Td>{visit.fullName}</Td>
                  <Td>{VISIT_PURPOSES[visit.purpose]}</Td>
                  <Td>
                    {visit.status === "BOOKED" ? (
                      <Badge tone="success">Записаний</Badge>
                    ) : (
                      <Badge tone="neutral">Скасовано</Badge>
                    )}
                  </Td>
                  <Td className="tabular">{formatDateTime(visit.createdAt)}</Td>
                  <Td>
                    {visit.markable ? (
                      <MarkVisitButtons visitId={visit.id} fullName={visit.fullName} attendance={visit.attendance} />
                    ) : (
                      <span className="text-sm text-muted">{visit.status === "BOOKED" ? "У день візиту" : "—"}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
