import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatMoney } from "@/lib/format";
import { employeeHref } from "@/lib/company/employee-ref";
import { maskRnokpp } from "@/lib/identifiers";
import type { ApplicationItemView } from "@/lib/reservations";
import { DecisionBadge } from "./application-badges";

// Each employee's result: the decision, the reasons in words, the term — in the order listed.

export function ApplicationItems({ items, kind }: { items: ApplicationItemView[]; kind: "RESERVATION" | "ANNULMENT" }) {
  if (items.length === 0) return <EmptyState title="Немає працівників із таким результатом" />;
  return (
    <Table>
      <caption className="sr-only">Результат щодо кожного працівника</caption>
      <thead>
        <tr>
          <Th className="w-12">№</Th>
          <Th>Працівник</Th>
          {kind === "RESERVATION" ? <Th className="text-right">Зарплата</Th> : null}
          <Th>Рішення</Th>
          <Th>{kind === "RESERVATION" ? "Строк або причина відмови" : "Бронювання діяло до / чому не анульовано"}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={item.rnokpp}
            data-testid="result-row"
            data-rnokpp={item.rnokpp}
            data-decision={item.decision ?? "PENDING"}
          >
            <Td className="tabular text-muted">{item.position}</Td>
            <Td className="min-w-44">
              <Link href={employeeHref(item.rnokpp)} className="link font-medium">
                {item.fullName || "Немає в реєстрі"}
              </Link>
              <p className="tabular text-xs text-muted">РНОКПП {maskRnokpp(item.rnokpp)}</p>
            </Td>
            {kind === "RESERVATION" ? (
              <Td className="tabular whitespace-nowrap text-right">
                {item.salary === null ? "—" : formatMoney(item.salary, { nonBreaking: true })}
              </Td>
            ) : null}
            <Td>
              <DecisionBadge decision={item.decision} />
            </Td>
            <Td className="min-w-56">
              {item.reasons.length > 0 ? (
                <ul className="space-y-0.5">
                  {item.reasons.map((r) => (
                    <li key={r.code}>{r.message}</li>
                  ))}
                </ul>
              ) : item.decision === "RESERVED" && item.reservedFrom && item.reservedUntil ? (
                <span className="tabular">
                  {formatDate(item.reservedFrom)} – {formatDate(item.reservedUntil)}
                  {item.extension ? " (продовження)" : ""}
                </span>
              ) : item.reservedUntil ? (
                <span className="tabular">{formatDate(item.reservedUntil)}</span>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
