import { Badge } from "@/components/ui/badge";
import { EMPLOYEE_STATE_LABELS, EMPLOYEE_STATE_TONES, type EmployeeStateCode } from "@/lib/company/labels";
import { formatDate } from "@/lib/format";
import { leadingReason } from "@/lib/rules";

/**
 * Whether the rules would reserve the employee (without the limit), and why not, in words: in a
 * list (`compact`) the one leading reason, on the employee's page all of them.
 */
export function Eligibility({
  eligible,
  reasons,
  exception45,
  compact = false,
  reasonId,
}: {
  eligible: boolean;
  reasons: ReadonlyArray<{ code: string; message: string }>;
  exception45?: boolean;
  compact?: boolean;
  reasonId?: string;
}) {
  if (eligible) {
    return (
      <div>
        <Badge tone="success">Можна забронювати</Badge>
        {exception45 ? <p className="mt-1 text-xs text-muted">За винятком на 45 днів (Закон 4630-IX)</p> : null}
      </div>
    );
  }
  // Reserved already: not a refusal to alarm the director in red — what matters is until when
  // (the employee's own page lists every other reason in full).
  const held = reasons.find((reason) => reason.code === "ALREADY_RESERVED");
  const heldAlready = held !== undefined;
  if (compact) {
    const reason = held ?? leadingReason(reasons);
    return (
      <div data-testid="eligibility-refused">
        {heldAlready ? <Badge tone="info">Уже заброньовано</Badge> : <Badge tone="fail">Не можна забронювати</Badge>}
        {reason ? (
          <p id={reasonId} className="mt-1 text-xs" data-testid="refusal-reason" data-code={reason.code}>
            {reason.message}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div data-testid="eligibility-refused">
      {heldAlready ? <Badge tone="info">Уже заброньовано</Badge> : <Badge tone="fail">Не можна забронювати</Badge>}
      <ul id={reasonId} className="mt-1 space-y-0.5 text-sm">
        {reasons.map((reason) => (
          <li key={reason.code}>{reason.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The reservation at this enterprise (or elsewhere), with its end date. */
export function ReservationState({ state, reservedUntil }: { state: EmployeeStateCode; reservedUntil: string | null }) {
  return (
    <div>
      <Badge tone={EMPLOYEE_STATE_TONES[state]}>{EMPLOYEE_STATE_LABELS[state]}</Badge>
      {reservedUntil ? <p className="tabular mt-1 text-xs text-muted">до {formatDate(reservedUntil)}</p> : null}
    </div>
  );
}
