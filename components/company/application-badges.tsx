import { Badge } from "@/components/ui/badge";
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUS_TONES,
  ITEM_DECISION_LABELS,
  ITEM_DECISION_TONES,
  type ApplicationStatusCode,
} from "@/lib/company/labels";

export function ApplicationStatusBadge({ status }: { status: ApplicationStatusCode }) {
  return <Badge tone={APPLICATION_STATUS_TONES[status]}>{APPLICATION_STATUS_LABELS[status]}</Badge>;
}

export function KindBadge({ kind }: { kind: keyof typeof APPLICATION_KIND_LABELS }) {
  return <Badge tone={kind === "RESERVATION" ? "info" : "neutral"}>{APPLICATION_KIND_LABELS[kind]}</Badge>;
}

export function DecisionBadge({ decision }: { decision: keyof typeof ITEM_DECISION_LABELS | null }) {
  if (!decision) return <Badge tone="pending">Очікує рішення</Badge>;
  return <Badge tone={ITEM_DECISION_TONES[decision]}>{ITEM_DECISION_LABELS[decision]}</Badge>;
}
