import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { LimitBar } from "@/components/ui/limit-bar";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatMoney, formatNumber } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import type { LimitFigures, PrecheckItem } from "@/lib/reservations";

// Step 3 of a reservation: what the decision will say if nothing changes before it is made —
// how many will be reserved, the limit after, and for everyone else the reason in words. The
// refused come first: they are what the head may want to change.

const SHOWN = 300;

export function reservationOutcome(items: readonly PrecheckItem[], limit: LimitFigures) {
  const reserved = items.filter((i) => i.eligible);
  const newPlaces = reserved.filter((i) => !i.extension).length;
  return {
    reserved: reserved.length,
    refused: items.length - reserved.length,
    newPlaces,
    usedAfter: limit.used + newPlaces,
  };
}

export function PrecheckReview({ items, limit, date }: { items: PrecheckItem[]; limit: LimitFigures; date: string }) {
  const outcome = reservationOutcome(items, limit);
  const refused = items.filter((i) => !i.eligible);
  const reserved = items.filter((i) => i.eligible);
  return (
    <div className="space-y-5">
      <Card>
        <p className="text-xl font-semibold sm:text-2xl" data-testid="precheck-summary">
          Буде заброньовано {formatNumber(outcome.reserved)} з {formatNumber(items.length)}, ліміт після:{" "}
          {formatNumber(outcome.usedAfter)} з {formatNumber(limit.total)}
        </p>
        <p className="mt-1 text-sm text-muted">
          Попередня перевірка на {formatDate(date)} за даними реєстрів. Остаточне рішення ухвалюється за кілька секунд
          після підпису, за даними на той момент.
        </p>
        <div className="mt-4">
          <LimitBar reserved={limit.used} pending={outcome.newPlaces} limit={limit.total} />
        </div>
      </Card>

      {refused.length > 0 ? (
        <Card data-testid="precheck-refused">
          <CardTitle>Буде відмовлено: {formatNumber(refused.length)}</CardTitle>
          <p className="mb-3 text-sm text-muted">
            Якщо причину можна усунути (наприклад, працівник уточнить дані в ТЦК), подайте його пізніше окремою заявою.
            Можна подати й так — решту буде заброньовано.
          </p>
          <ItemList items={refused} refused />
        </Card>
      ) : null}

      <Card data-testid="precheck-reserved">
        <CardTitle>Буде заброньовано: {formatNumber(reserved.length)}</CardTitle>
        {reserved.length === 0 ? (
          <p className="text-muted">Нікого: за цією заявою бронювання не буде.</p>
        ) : (
          <ItemList items={reserved} />
        )}
      </Card>
    </div>
  );
}

function ItemList({ items, refused = false }: { items: PrecheckItem[]; refused?: boolean }) {
  const shown = items.slice(0, SHOWN);
  return (
    <>
      <Table>
        <thead>
          <tr>
            <Th className="w-12">№</Th>
            <Th>Працівник</Th>
            <Th className="text-right">Зарплата</Th>
            <Th>{refused ? "Причина відмови" : "Строк бронювання"}</Th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.rnokpp} data-testid="precheck-row" data-rnokpp={item.rnokpp}>
              <Td className="tabular text-muted">{item.position}</Td>
              <Td className="min-w-44">
                <p className="font-medium">{item.fullName ?? "Немає в реєстрі"}</p>
                <p className="tabular text-xs text-muted">РНОКПП {maskRnokpp(item.rnokpp)}</p>
              </Td>
              <Td className="tabular whitespace-nowrap text-right">
                {item.salary === null ? "—" : formatMoney(item.salary, { nonBreaking: true })}
              </Td>
              <Td className="min-w-56">
                {refused ? (
                  <ul className="space-y-0.5">
                    {item.reasons.map((r) => (
                      <li key={r.code}>{r.message}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="tabular">
                    {item.reservedFrom && item.reservedUntil
                      ? `${formatDate(item.reservedFrom)} – ${formatDate(item.reservedUntil)}`
                      : "—"}
                    {item.extension ? (
                      <Badge tone="info" className="ml-2">
                        продовження
                      </Badge>
                    ) : null}
                    {item.exception45 ? (
                      <Badge tone="warning" className="ml-2">
                        виняток 45 днів
                      </Badge>
                    ) : null}
                  </span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {items.length > SHOWN ? (
        <p className="mt-2 text-sm text-muted">
          Показано {formatNumber(SHOWN)} з {formatNumber(items.length)}. Повний список — у документі, що підписується.
        </p>
      ) : null}
    </>
  );
}
