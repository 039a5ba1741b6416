"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { selectEmployeesAction } from "@/app/company/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { EmployeeFilters } from "@/lib/company/employee-filters";
import { formatNumber, pluralUk } from "@/lib/format";
import { selectionActions, useSelection, type SelectionItem } from "./selection-store";

// The selection's controls around a selectable list: above it the bulk picks — everyone who can
// be reserved (or everyone reserved), this page, everyone the filter matches — and below it,
// stuck to the screen's bottom, how many are picked (for a reservation, against the limit
// left) and the one way on.

export type BulkPick = { label: string; filters: EmployeeFilters; count: number; testId: string };

type ToolsProps = {
  storeKey: string;
  pageRows: SelectionItem[];
  /** The list's current filters and how many they match. */
  filtered: { filters: EmployeeFilters; total: number; narrowed: boolean };
  bulk: BulkPick;
};

const people = (n: number) => `${formatNumber(n)} ${pluralUk(n, ["працівник", "працівники", "працівників"])}`;

/** Above the list: the bulk picks, what they did, and who is chosen so far. */
export function SelectionTools({ storeKey, pageRows, filtered, bulk }: ToolsProps) {
  const { items, ready } = useSelection(storeKey);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const actions = selectionActions(storeKey);
  const chosen = new Set(items.map((i) => i.rnokpp));
  const pageAllChosen = pageRows.length > 0 && pageRows.every((r) => chosen.has(r.rnokpp));

  async function pickAll(filters: EmployeeFilters, label: string) {
    setBusy(label);
    setMessage(null);
    const result = await selectEmployeesAction({ filters });
    setBusy(null);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    actions.addMany(result.data.items);
    const extra = result.data.truncated
      ? ` Обрано перших ${formatNumber(result.data.items.length)}: більше в одній заяві не можна.`
      : "";
    setMessage({ tone: "success", text: `Додано до вибору: ${people(result.data.items.length)}.${extra}` });
  }

  return (
    <div className="space-y-3" data-testid="selection-tools">
      <div className="flex flex-wrap gap-2">
        {bulk.count > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={!ready || busy !== null}
            onClick={() => pickAll(bulk.filters, "bulk")}
            data-testid={bulk.testId}
          >
            {busy === "bulk" ? "Обираємо…" : `${bulk.label} (${formatNumber(bulk.count)})`}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          size="sm"
          disabled={!ready || pageRows.length === 0}
          onClick={() =>
            pageAllChosen ? actions.removeMany(pageRows.map((r) => r.rnokpp)) : actions.addMany(pageRows)
          }
        >
          {pageAllChosen ? "Зняти вибір на цій сторінці" : "Обрати всіх на цій сторінці"}
        </Button>
        {filtered.narrowed && filtered.total > 0 && filtered.total !== bulk.count ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={!ready || busy !== null}
            onClick={() => pickAll(filtered.filters, "filter")}
            data-testid="select-filtered"
          >
            {busy === "filter" ? "Обираємо…" : `Обрати всіх за фільтром (${formatNumber(filtered.total)})`}
          </Button>
        ) : null}
        {items.length > 0 ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              actions.clear();
              setMessage(null);
            }}
          >
            Очистити вибір
          </Button>
        ) : null}
      </div>
      {message ? <Notice tone={message.tone === "error" ? "error" : "success"}>{message.text}</Notice> : null}
      {items.length > 0 ? <ChosenList items={items} onRemove={(rnokpp) => actions.removeMany([rnokpp])} /> : null}
    </div>
  );
}

type FooterProps = {
  storeKey: string;
  kind: "reservation" | "annulment";
  /** Free places of the limit (reservations only). */
  limitAvailable?: number;
  next: { href: string; label: string };
};

/** Below the list, stuck to the bottom of the screen while it scrolls: the count and the way on. */
export function SelectionFooter({ storeKey, kind, limitAvailable, next }: FooterProps) {
  const router = useRouter();
  const { items, ready } = useSelection(storeKey);
  const consuming = items.filter((i) => i.eligible && !i.reservedUntil).length;
  const over = limitAvailable !== undefined ? consuming - limitAvailable : 0;
  return (
    <div className="sticky bottom-0 z-10 -mx-5 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line bg-white/95 px-5 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="min-w-0 flex-1 text-sm" aria-live="polite" data-testid="selection-count">
        <p className="font-semibold">Обрано: {formatNumber(items.length)}</p>
        {kind === "reservation" && limitAvailable !== undefined ? (
          <p className={over > 0 ? "text-chip-fail" : "text-muted"}>
            Відповідають умовам: {formatNumber(consuming)} · вільних місць ліміту:{" "}
            {formatNumber(Math.max(0, limitAvailable))}
            {over > 0 ? ` — понад ліміт: ${formatNumber(over)}, їм буде відмовлено` : ""}
          </p>
        ) : (
          <p className="text-muted">Бронювання обраних буде анульовано після підпису</p>
        )}
      </div>
      <Button
        size="md"
        disabled={!ready || items.length === 0}
        onClick={() => router.push(next.href)}
        data-testid="wizard-next"
      >
        {next.label} →
      </Button>
    </div>
  );
}

function ChosenList({ items, onRemove }: { items: readonly SelectionItem[]; onRemove: (rnokpp: string) => void }) {
  const shown = items.slice(0, 200);
  return (
    <details className="rounded-2xl bg-canvas/50 px-4 py-2 text-sm">
      <summary className="cursor-pointer font-medium">Переглянути обраних ({formatNumber(items.length)})</summary>
      <ol className="mt-2 max-h-64 list-decimal space-y-1 overflow-auto pl-6">
        {shown.map((item) => (
          <li key={item.rnokpp}>
            <span>{item.fullName}</span>{" "}
            <button
              type="button"
              className="link text-xs text-muted"
              onClick={() => onRemove(item.rnokpp)}
              aria-label={`Прибрати з вибору: ${item.fullName}`}
            >
              прибрати
            </button>
          </li>
        ))}
      </ol>
      {items.length > shown.length ? (
        <p className="mt-1 text-muted">… і ще {formatNumber(items.length - shown.length)}</p>
      ) : null}
    </details>
  );
}
