import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { CurrentReservation } from "@/lib/citizen/get-my-record";
import type { ReservationHistoryEntry } from "@/lib/citizen/list-reservation-history";
import { formatDate, pluralUk } from "@/lib/format";
import { expiresSoon } from "@/lib/rules";

/** The reservation in force, or a plain statement that there is none. */
export function ReservationCard({
  reservation,
  portal,
}: {
  reservation: CurrentReservation | null;
  portal?: ReservationHistoryEntry["portal"];
}) {
  return (
    <Card aria-labelledby="reservation-title" data-testid="current-reservation">
      <CardTitle>
        <span id="reservation-title">Бронювання</span>
      </CardTitle>
      {reservation ? (
        <div className="space-y-2 text-[15px]">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="success">Заброньовано</Badge>
            <Badge tone={expiresSoon(reservation.daysLeft) ? "warning" : "info"}>
              ще {reservation.daysLeft} {pluralUk(reservation.daysLeft, ["день", "дні", "днів"])}
            </Badge>
          </div>
          <p className="text-lg font-semibold" data-testid="reservation-enterprise">
            {reservation.enterpriseName}
          </p>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-muted">ЄДРПОУ</dt>
            <dd className="tabular">{reservation.edrpou}</dd>
            <dt className="text-muted">Строк</dt>
            <dd className="tabular" data-testid="reservation-term">
              з {formatDate(reservation.fromDate)} до {formatDate(reservation.untilDate)}
            </dd>
            <dt className="text-muted">Підстава</dt>
            <dd>
              Бронювання працівника критично важливого підприємства (постанова КМУ № 76)
              {portal ? (
                <span className="block text-sm text-muted">
                  Рішення № {portal.decisionNumber} ({portal.authorityName})
                  {portal.signerName ? `, заяву підписав ${portal.signerName}` : ""}
                  {portal.exception45 ? ", виняток на 45 днів" : ""}
                </span>
              ) : null}
            </dd>
            <dt className="text-muted">Внесено через</dt>
            <dd>{reservation.sourceLabel}</dd>
          </dl>
          {expiresSoon(reservation.daysLeft) ? (
            <p className="text-sm text-muted">
              Бронювання не продовжується автоматично: нагадайте керівнику подати заяву до{" "}
              {formatDate(reservation.untilDate)}.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-[15px]" data-testid="no-reservation">
          Бронювання немає. Якщо роботодавець подав заяву, рішення з'явиться тут, і ви отримаєте сповіщення.
        </p>
      )}
    </Card>
  );
}
