import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { CERTIFICATE_KIND_INFO, REQUEST_STATUS_INFO } from "@/lib/certificates/labels";
import { listUnitCertificateRequests } from "@/lib/certificates/list-unit-certificate-requests";
import { createCtx } from "@/lib/context-server";
import { formatDate, formatDateTime } from "@/lib/format";
import { z } from "@/lib/zod";

export const metadata = { title: "Запити на підтвердження служби" };

const ZQuery = z.object({ status: z.enum(["PENDING", "DECIDED"]).catch("PENDING").default("PENDING") });

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffOfficer("/staff");
  const raw = await searchParams;
  const { status } = ZQuery.parse({ status: typeof raw.status === "string" ? raw.status : undefined });
  const rows = await listUnitCertificateRequests(createCtx({ actor }), { status });

  return (
    <div className="space-y-5">
      <PageHeader
        title="Запити на підтвердження служби"
        subtitle="Громадяни просять довідку про участь у військовій службі; період у вашій частині ще не підтверджено"
      />
      <nav aria-label="Стан запитів" className="flex gap-2">
        {(["PENDING", "DECIDED"] as const).map((value) => (
          <Link
            key={value}
            href={`/staff?status=${value}`}
            aria-current={value === status ? "page" : undefined}
            className={cn(
              "rounded-full px-4 py-1.5 text-sm",
              value === status ? "bg-ink text-white" : "bg-white hover:bg-black/5",
            )}
          >
            {value === "PENDING" ? "Очікують рішення" : "Розглянуті"}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status === "PENDING" ? "Нових запитів немає" : "Розглянутих запитів ще немає"}>
          Запит з'являється, коли громадянин замовляє довідку, а період служби у вашій частині не підтверджено.
        </EmptyState>
      ) : (
        <Table data-testid="staff-requests">
          <thead>
            <tr>
              <Th>Особа</Th>
              <Th>Довідка</Th>
              <Th>Надійшов</Th>
              <Th>Строк</Th>
              <Th>Стан</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td>
                  <Link className="link" href={`/staff/requests/${row.id}`}>
                    {row.person?.fullName ?? "—"}
                  </Link>
                  {row.person ? (
                    <span className="block text-sm text-muted">{formatDate(row.person.birthDate)}</span>
                  ) : null}
                </Td>
                <Td>{CERTIFICATE_KIND_INFO[row.kind].title}</Td>
                <Td className="tabular">{formatDateTime(row.createdAt)}</Td>
                <Td className={cn("tabular", row.overdue && "font-semibold text-chip-fail")}>
                  {row.dueOn ? formatDate(row.dueOn) : "—"}
                  {row.overdue ? " (прострочено)" : ""}
                </Td>
                <Td>
                  <Badge tone={REQUEST_STATUS_INFO[row.status].tone}>{REQUEST_STATUS_INFO[row.status].label}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
