import { Badge, type Tone } from "@/components/ui/badge";
import { decisionStateText, type DecisionState } from "@/lib/enterprises/decision-state";
import { formatDate } from "@/lib/format";

const TONES: Record<DecisionState, Tone> = {
  ACTIVE: "success",
  PENDING: "pending",
  EXPIRED: "neutral",
  REVOKED: "fail",
};

/** "Критичне до 01.09.2026", "Чинне з …", "Строк минув …", "Скасовано" as Diia's chips. */
export function DecisionStateBadge({
  state,
  effectiveUntil,
  validFrom,
}: {
  state: DecisionState;
  effectiveUntil: string;
  validFrom: string;
}) {
  return <Badge tone={TONES[state]}>{decisionStateText(state, effectiveUntil, validFrom, formatDate)}</Badge>;
}
