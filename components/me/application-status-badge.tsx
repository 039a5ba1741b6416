import { Badge } from "@/components/ui/badge";
import { APPLICATION_STATUS_INFO, type VacancyApplicationStatus } from "@/lib/recruitment/labels";

export function ApplicationStatusBadge({ status }: { status: VacancyApplicationStatus }) {
  const info = APPLICATION_STATUS_INFO[status];
  return (
    <Badge tone={info.tone}>
      <span data-testid="application-status">{info.label}</span>
    </Badge>
  );
}
