import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { ApplicationSummary } from "@/lib/reservations";
import { ApplicationStatusBadge, KindBadge } from "./application-badges";

export function ApplicationsTable({ items }: { items: ApplicationSummary[] }) {
  if (items.length === 0) return <EmptyState title="Заяв ще немає">Подайте першу — це займе кілька хвилин.</EmptyState>;
  return (
    <Table>
      <caption className="sr-only">Заяви підприємства</caption>
      <thead>
        <tr>
          <Th>Подано</Th>
          <Th>Вид</Th>
          <Th>Стан</Th>
          <Th className="text-right">Працівників</Th>
          <Th className="text-right">Результат</Th>
          <Th>Підписав(ла)</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id} data-testid="application-row">
            <Td className="whitespace-nowrap">
              <Link href={`/company/applications/${a.id}`} className="link tabular font-medium">
                {formatDateTime(a.submittedAt)}
              </Link>
            </Td>
            <Td>
              <KindBadge kind={a.kind} />
            </Td>
            <Td>
              <ApplicationStatusBadge status={a.status} />
            </Td>
            <Td className="tabular text-right">{formatNumber(a.items)}</Td>
            <Td className="tabular whitespace-nowrap text-right">
              {a.status === "DECIDED" ? (
                <>
                  <span title={a.kind === "RESERVATION" ? "Заброньовано" : "Анульовано"}>
                    ✓ {formatNumber(a.reserved)}
                  </span>
                  <span className="ml-3 text-muted" title={a.kind === "RESERVATION" ? "Відмовлено" : "Не анульовано"}>
                    ✕ {formatNumber(a.refused)}
                  </span>
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td>{a.signerName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
