import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import {
  MARK_STATUS_LABELS,
  type MarkHistoryStatus,
  type ReservationHistory,
} from "@/lib/citizen/list-reservation-history";
import { formatDate, formatDateTime, shortEnterpriseName } from "@/lib/format";

const TONE: Record<MarkHistoryStatus, Tone> = {
  ACTIVE: "success",
  ANNULLED: "fail",
  EXPIRED: "neutral",
  SUPERSEDED: "info",
};

/** Every reservation the registry holds for the person, made through the portal or elsewhere, and refusals. */
export function ReservationHistoryCard({ history }: { history: ReservationHistory }) {
  const empty = history.reservations.length === 0 && history.refusals.length === 0;
  return (
    <Card aria-labelledby="history-title">
      <CardTitle>
        <span id="history-title">Історія бронювань</span>
      </CardTitle>
      {empty ? (
        <EmptyState title="Бронювань ще не було" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Підприємство</Th>
              <Th>Строк</Th>
              <Th>Стан</Th>
              <Th>Рішення та підстава</Th>
            </tr>
          </thead>
          <tbody>
            {history.reservations.map((r) => (
              <tr key={r.markId} data-testid="history-row">
                <Td>
                  <span className="font-medium">{shortEnterpriseName(r.enterpriseName)}</span>
                  <span className="block text-xs text-muted tabular">ЄДРПОУ {r.edrpou}</span>
                </Td>
                <Td className="tabular whitespace-nowrap">
                  {formatDate(r.fromDate)} – {formatDate(r.untilDate)}
                </Td>
                <Td>
                  <Badge tone={TONE[r.status]}>{MARK_STATUS_LABELS[r.status]}</Badge>
                </Td>
                <Td className="text-sm">
                  {r.portal ? (
                    <>
                      Рішення № {r.portal.decisionNumber} ({r.portal.authorityName})
                      {r.portal.submittedAt ? (
                        <span className="block text-muted">
                          Заяву подано {formatDateTime(new Date(r.portal.submittedAt))}
                          {r.portal.signerName ? `, підписав ${r.portal.signerName}` : ""}
                        </span>
                      ) : null}
                      {r.portal.exception45 ? <span className="block text-muted">За винятком на 45 днів</span> : null}
                      {r.portal.annulmentGround ? (
                        <span className="block">
                          Анульовано{r.portal.annulledOn ? ` ${formatDate(r.portal.annulledOn)}` : ""}:{" "}
                          {r.portal.annulmentGround}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-muted">Внесено через {r.sourceLabel}</span>
                  )}
                </Td>
              </tr>
            ))}
            {history.refusals.map((r) => (
              <tr key={r.applicationId}>
                <Td>
                  <span className="font-medium">{shortEnterpriseName(r.enterpriseName)}</span>
                  <span className="block text-xs text-muted tabular">ЄДРПОУ {r.edrpou}</span>
                </Td>
                <Td className="tabular whitespace-nowrap">{formatDateTime(new Date(r.decidedAt))}</Td>
                <Td>
                  <Badge tone="fail">Відмовлено</Badge>
                </Td>
                <Td className="text-sm">{r.reasons.join("; ")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
