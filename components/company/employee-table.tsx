import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { militaryStatusText } from "@/lib/company/labels";
import { formatDate, formatMoney } from "@/lib/format";
import { employeeHref } from "@/lib/company/employee-ref";
import { maskRnokpp } from "@/lib/identifiers";
import { isNeverReservable } from "@/lib/rules";
import type { EmployeeRow } from "@/lib/reservations";
import { Eligibility, ReservationState } from "./employee-badges";
import { SelectionCheckbox } from "./selection-checkbox";

// The staff as the cabinet lists it: a table on a desktop, cards on a phone (the same rows;
// only one of the two is displayed). With `storeKey`, each row has a tick for the application
// being prepared. The РНОКПП is masked; the full one is on the employee's page.

// For an annulment (`forAnnulment`) every row is already reserved: whether one *could* be
// reserved is beside the point there, so that column and chip are left out. When picking for a
// reservation, someone the rules could never reserve (not in Оберіг, not military-liable) is
// greyed out, the tick disabled and tied to the reason.
type Props = { rows: EmployeeRow[]; storeKey?: string; empty?: string; forAnnulment?: boolean };

export function EmployeeTable({
  rows,
  storeKey,
  empty = "Нікого не знайдено. Змініть пошук або фільтри.",
  forAnnulment = false,
}: Props) {
  if (rows.length === 0) return <EmptyState title={empty} />;
  const pick = (row: EmployeeRow) => ({
    rnokpp: row.rnokpp,
    fullName: row.fullName,
    salary: row.salary,
    eligible: row.eligible,
    reservedUntil: row.reservedUntil,
  });
  const blocked = (row: EmployeeRow) =>
    Boolean(storeKey) && !forAnnulment && row.state === "not_reserved" && isNeverReservable(row.reasons);
  const reasonId = (row: EmployeeRow, view: "row" | "card") => `why-${view}-${row.rnokpp.replace(/\W/g, "")}`;
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <caption className="sr-only">Працівники підприємства</caption>
          <thead>
            <tr>
              {storeKey ? (
                <Th className="w-10">
                  <span className="sr-only">Обрати</span>
                </Th>
              ) : null}
              <Th>Працівник</Th>
              <Th>Посада</Th>
              <Th className="text-right">Зарплата</Th>
              <Th>Військовий облік</Th>
              {forAnnulment ? null : <Th>Чи можна забронювати</Th>}
              <Th>Бронювання</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.rnokpp}
                data-testid="employee-row"
                data-rnokpp={row.rnokpp}
                className={blocked(row) ? "bg-neutral-50 text-muted" : undefined}
              >
                {storeKey ? (
                  <Td>
                    <SelectionCheckbox
                      storeKey={storeKey}
                      item={pick(row)}
                      blockedBy={blocked(row) ? reasonId(row, "row") : undefined}
                    />
                  </Td>
                ) : null}
                <Td className="min-w-48">
                  <Link href={employeeHref(row.rnokpp)} className="link font-medium">
                    {row.fullName}
                  </Link>
                  <p className="tabular text-xs text-muted">
                    РНОКПП {maskRnokpp(row.rnokpp)} · {formatDate(row.birthDate)}
                  </p>
                </Td>
                <Td>{row.position ?? "—"}</Td>
                <Td className="tabular whitespace-nowrap text-right">
                  {row.salary === null ? "—" : formatMoney(row.salary, { nonBreaking: true })}
                </Td>
                <Td>{militaryStatusText(row.militaryStatus, row.liability)}</Td>
                {forAnnulment ? null : (
                  <Td className="min-w-56">
                    <Eligibility
                      eligible={row.eligible}
                      reasons={row.reasons}
                      exception45={row.exception45}
                      compact
                      reasonId={blocked(row) ? reasonId(row, "row") : undefined}
                    />
                  </Td>
                )}
                <Td>
                  <ReservationState state={row.state} reservedUntil={row.reservedUntil} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y divide-line md:hidden" aria-label="Працівники підприємства">
        {rows.map((row) => (
          <li
            key={row.rnokpp}
            className={blocked(row) ? "flex gap-3 py-3 text-muted" : "flex gap-3 py-3"}
            data-testid="employee-card"
            data-rnokpp={row.rnokpp}
          >
            {storeKey ? (
              <div className="pt-0.5">
                <SelectionCheckbox
                  storeKey={storeKey}
                  item={pick(row)}
                  blockedBy={blocked(row) ? reasonId(row, "card") : undefined}
                />
              </div>
            ) : null}
            <div className="min-w-0 flex-1 space-y-1.5">
              <Link href={employeeHref(row.rnokpp)} className="link font-medium">
                {row.fullName}
              </Link>
              <p className="tabular text-xs text-muted">
                РНОКПП {maskRnokpp(row.rnokpp)} · {row.position ?? "посаду не вказано"} ·{" "}
                {row.salary === null ? "—" : formatMoney(row.salary, { nonBreaking: true })}
              </p>
              <p className="text-xs text-muted">{militaryStatusText(row.militaryStatus, row.liability)}</p>
              <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
                {forAnnulment ? null : (
                  <Eligibility
                    eligible={row.eligible}
                    reasons={row.reasons}
                    exception45={row.exception45}
                    compact
                    reasonId={blocked(row) ? reasonId(row, "card") : undefined}
                  />
                )}
                {row.state !== "not_reserved" ? (
                  <ReservationState state={row.state} reservedUntil={row.reservedUntil} />
                ) : null}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
