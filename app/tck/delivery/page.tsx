import Link from "next/link";
import { PostalReportForm } from "@/components/tck/postal-report-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { formatDateTime } from "@/lib/format";
import { NOTICE_STATUS_LABELS, NOTICE_STATUS_TONES } from "@/lib/notices/labels";
import { listOverdueNotices } from "@/lib/notices/list-overdue-notices";

export const metadata = { title: "Вручення повісток" };

export default async function Page() {
  const actor = await requireTck("/tck/delivery");
  const overdue = await listOverdueNotices(createCtx({ actor }));
  return (
    <div className="space-y-5">
      <PageHeader
        title="Вручення повісток"
        subtitle="Стани поштових відправлень за звітом оператора пошти і прострочені явки"
      />
      <Card className="space-y-3">
        <CardTitle>Звіт пошти</CardTitle>
        <PostalReportForm />
      </Card>
      <Card>
        <CardTitle>Прострочені явки</CardTitle>
        {overdue.length === 0 ? (
          <p className="text-muted" data-testid="overdue-empty">
            Прострочених явок немає.
          </p>
        ) : (
          <Table data-testid="overdue">
            <thead>
              <tr>
                <Th>Номер</Th>
                <Th>ПІБ</Th>
                <Th>Явка</Th>
                <Th>Стан</Th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((n) => (
                <tr key={n.id}>
                  <Td className="tabular">
                    <Link className="underline" href={`/tck/notices/${n.batchId}`}>
                      {n.number}
                    </Link>
                  </Td>
                  <Td>{n.fullName}</Td>
                  <Td className="tabular">{formatDateTime(n.appearAt)}</Td>
                  <Td>
                    <Badge tone={NOTICE_STATUS_TONES[n.status]}>{NOTICE_STATUS_LABELS[n.status]}</Badge>
                    <p className="mt-1 text-sm text-muted">
                      {n.delivered ? "Вручено, дата явки минула" : "Не вручено до дати явки: потрібна нова повістка"}
                    </p>
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
