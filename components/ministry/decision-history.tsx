import { EmptyState } from "@/components/ui/empty-state";
import type { DecisionEventView } from "@/lib/enterprises/get-decision";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { LIMIT_CATEGORY_LABELS, type LimitCategory } from "@/lib/rules";

const KIND_LABELS: Record<DecisionEventView["kind"], string> = {
  GRANTED: "Надано статус критично важливого",
  CONFIRMED: "Статус підтверджено",
  EXTENDED: "Строк дії продовжено",
  LIMIT_CHANGED: "Ліміт змінено",
  REVOKED: "Рішення скасовано",
  EXPIRED: "Строк дії минув",
};

/** The signed events of a decision, oldest first, each with its documents to download. */
export function DecisionHistory({ events }: { events: DecisionEventView[] }) {
  if (events.length === 0)
    return (
      <EmptyState title="Підписаних дій ще немає">
        Рішення внесено до переліку без підпису в порталі (наприклад, перенесене з попередньої системи).
      </EmptyState>
    );
  return (
    <ol className="space-y-4" data-testid="decision-history">
      {events.map((event) => (
        <li key={event.id} className="rounded-2xl ring-1 ring-line p-4">
          <p className="font-medium">{KIND_LABELS[event.kind]}</p>
          <p className="text-sm text-muted">
            {formatDateTime(event.createdAt)}
            {event.actorName ? ` · ${event.actorName}` : ""}
          </p>
          {event.reason ? <p className="mt-2">Підстава: {event.reason}</p> : null}
          <ChangeLines changes={event.changes} />
          {event.document ? (
            <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <span className="text-muted">
                Підписав(ла): {event.document.signerName}, {formatDateTime(event.document.signingTime)}
              </span>
              <a className="link" href={`/api/documents/${event.document.id}/signature`}>
                Підпис (.p7s)
              </a>
              <a className="link" href={`/api/documents/${event.document.id}/content`}>
                Підписаний документ
              </a>
              <a className="link" href={`/api/documents/${event.document.id}/report`}>
                Протокол перевірки
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const FIELD_LABELS: Record<string, string> = {
  validUntil: "Діє до",
  limitCount: "Ліміт, осіб",
  limitCategory: "Категорія ліміту",
  militaryLiableCount: "Військовозобов'язаних",
  headcount: "Загальна чисельність",
  criteria: "Критерії",
  salaryExemption: "Звільнення від критерію зарплати",
  status: "Стан",
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "validUntil" && typeof value === "string") return formatDate(value);
  if (field === "limitCategory" && typeof value === "string")
    return LIMIT_CATEGORY_LABELS[value as LimitCategory] ?? value;
  if (typeof value === "number") return formatNumber(value);
  if (Array.isArray(value)) return value.join(", ");
  if (field === "status") return value === "REVOKED" ? "скасовано" : "чинне";
  return String(value);
}

function ChangeLines({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== "object" || !("before" in changes) || !("after" in changes)) return null;
  const { before, after } = changes as { before: Record<string, unknown>; after: Record<string, unknown> };
  const fields = Object.keys(after).filter(
    (f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]) && f !== "limitPercent",
  );
  if (fields.length === 0) return null;
  return (
    <ul className="mt-2 space-y-0.5 text-sm">
      {fields.map((f) => (
        <li key={f}>
          {FIELD_LABELS[f] ?? f}: {show(f, before[f])} → <strong>{show(f, after[f])}</strong>
        </li>
      ))}
    </ul>
  );
}
