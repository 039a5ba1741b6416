import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { PendingDraft } from "@/lib/reservations/list-pending-drafts";
import { formatDateTime, formatNumber, pluralUk } from "@/lib/format";

// «Заяви, що очікують підпису»: prepared drafts nobody has signed yet, each a link to its
// pre-check and signature (the head signs; an authorized person sees their hand-overs).

export function PendingDrafts({ drafts, isHead }: { drafts: PendingDraft[]; isHead: boolean }) {
  return (
    <ul className="divide-y divide-line" data-testid="pending-drafts">
      {drafts.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <Link href={`/company/applications/drafts/${d.id}`} className="link font-medium">
              {d.kind === "RESERVATION" ? "Бронювання" : "Анулювання"}: {formatNumber(d.employees)}{" "}
              {pluralUk(d.employees, ["працівник", "працівники", "працівників"])}
            </Link>
            <p className="text-sm text-muted">
              Підготував(ла) {d.preparedByName ?? d.preparedByRnokpp} · {formatDateTime(d.createdAt)} · за перевіркою{" "}
              {d.kind === "RESERVATION" ? "буде заброньовано" : "буде анульовано"} {formatNumber(d.passing)}
            </p>
          </div>
          {isHead ? (
            <Badge tone="pending">Очікує вашого підпису</Badge>
          ) : (
            <Badge tone="pending">Очікує підпису керівника</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
