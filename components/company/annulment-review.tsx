import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatNumber } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import type { AnnulmentPrecheckItem } from "@/lib/reservations";

// Step 3 of an annulment: whose reservation ends, on which ground, and who is listed but has
// no reservation here to annul.

const SHOWN = 300;

export function AnnulmentReview({
  items,
  ground,
  date,
}: {
  items: AnnulmentPrecheckItem[];
  ground: string;
  date: string;
}) {
  const annul = items.filter((i) => i.annul);
  const skipped = items.filter((i) => !i.annul);
  return (
    <div className="space-y-5">
      <Card>
        <p className="text-xl font-semibold sm:text-2xl" data-testid="precheck-summary">
          Буде анульовано {formatNumber(annul.length)} з {formatNumber(items.length)} бронювань
        </p>
        <p className="mt-1 text-muted">Підстава: {ground}</p>
        <p className="mt-1 text-sm text-muted">
          Попередня перевірка на {formatDate(date)}. Після підпису кожного працівника буде повідомлено, а місця ліміту
          звільняться.
        </p>
      </Card>
      {skipped.length > 0 ? (
        <Card data-testid="precheck-refused">
          <CardTitle>Не буде анульовано: {formatNumber(skipped.length)}</CardTitle>
          <Rows items={skipped} showReason />
        </Card>
      ) : null}
      <Card data-testid="precheck-reserved">
        <CardTitle>Буде анульовано: {formatNumber(annul.length)}</CardTitle>
        {annul.length === 0 ? <p className="text-muted">Нікого.</p> : <Rows items={annul} />}
      </Card>
    </div>
  );
}

function Rows({ items, showReason = false }: { items: AnnulmentPrecheckItem[]; showReason?: boolean }) {
  return (
    <>
      <Table>
        <thead>
          <tr>
            <Th className="w-12">№</Th>
            <Th>Працівник</Th>
            <Th>{showReason ? "Чому" : "Заброньований до"}</Th>
          </tr>
        </thead>
        <tbody>
          {items.slice(0, SHOWN).map((item) => (
            <tr key={item.rnokpp} data-testid="precheck-row" data-rnokpp={item.rnokpp}>
              <Td className="tabular text-muted">{item.position}</Td>
              <Td>
                <p className="font-medium">{item.fullName ?? "Немає в реєстрі"}</p>
                <p className="tabular text-xs text-muted">РНОКПП {maskRnokpp(item.rnokpp)}</p>
              </Td>
              <Td>
                {showReason
                  ? item.reasons.map((r) => r.message).join("; ")
                  : item.reservedUntil
                    ? formatDate(item.reservedUntil)
                    : "—"}
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
