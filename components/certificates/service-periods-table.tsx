import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { ServicePeriodRecord } from "@/lib/registry";

type Period = Pick<ServicePeriodRecord, "id" | "position" | "fromDate" | "untilDate" | "defenceConfirmedOn"> & {
  fullName?: string;
};

/**
 * A unit's periods of service as the staff officer sees them — dates, position, whether the
 * participation in the defence is confirmed — each with «Виправити» (/staff/periods/<id>). With
 * `withPerson` (the unit's list of many people) a column names the person and each row is a
 * `unit-period`; a request's periods are one person's.
 */
export function ServicePeriodsTable({ periods, withPerson = false }: { periods: Period[]; withPerson?: boolean }) {
  return (
    <Table data-testid={withPerson ? "unit-periods" : undefined}>
      <thead>
        <tr>
          {withPerson ? <Th>Особа</Th> : null}
          <Th>Посада</Th>
          <Th>З</Th>
          <Th>По</Th>
          <Th>Участь у захисті</Th>
          <Th>
            <span className="sr-only">Дії</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {periods.map((period) => (
          <tr key={period.id} data-testid={withPerson ? "unit-period" : undefined}>
            {withPerson ? <Td>{period.fullName}</Td> : null}
            <Td>{period.position}</Td>
            <Td className="tabular">{formatDate(period.fromDate)}</Td>
            <Td className="tabular">{period.untilDate ? formatDate(period.untilDate) : "по теперішній час"}</Td>
            <Td>
              {period.defenceConfirmedOn ? (
                `підтверджено ${formatDate(period.defenceConfirmedOn)}`
              ) : (
                <Badge tone="pending">не підтверджено</Badge>
              )}
            </Td>
            <Td>
              <Link
                className="link text-sm"
                href={`/staff/periods/${period.id}`}
                aria-label={
                  withPerson ? `Виправити період: ${period.fullName}, ${formatDate(period.fromDate)}` : undefined
                }
              >
                Виправити
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
