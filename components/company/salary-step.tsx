"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createReservationDraftAction, discardDraftAction } from "@/app/company/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { parseSalaryText } from "@/lib/company/salary-input";
import { formatMoney, formatNumber } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import { selectionActions, useSelection, type SelectionItem } from "./selection-store";

// Step 2: the salaries the head confirms by signing. Each is pre-filled with what the employer
// reported to the Pension Fund; a different figure may be typed, and the lower of the two is
// what the rules compare with the threshold. Checked as typed, again on the server.

const PAGE = 50;
const asText = (kopiykas: number | null) => (kopiykas === null ? "" : formatMoney(kopiykas, { currency: false }));

export function SalaryStep({
  storeKey,
  threshold,
  backHref,
}: {
  storeKey: string;
  threshold: number | null;
  backHref: string;
}) {
  const router = useRouter();
  const { items, salaries, draftId, ready } = useSelection(storeKey);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const actions = selectionActions(storeKey);

  if (!ready)
    return (
      <Card>
        <p className="text-muted" role="status">
          Завантажуємо обраних працівників…
        </p>
      </Card>
    );
  if (items.length === 0) {
    return (
      <Notice tone="warning" title="Ще нікого не обрано">
        <ButtonLink href={backHref} variant="secondary" size="sm" className="mt-2">
          ← Обрати працівників
        </ButtonLink>
      </Notice>
    );
  }

  const textOf = (item: SelectionItem) => texts[item.rnokpp] ?? asText(salaries[item.rnokpp] ?? item.salary);
  const check = (item: SelectionItem, text: string): string | null => {
    if (text.trim() === "" && item.salary === null) return null;
    const parsed = parseSalaryText(text);
    return parsed.ok ? null : parsed.message;
  };

  function commit(item: SelectionItem, text: string) {
    const message = check(item, text);
    setErrors((e) => ({ ...e, [item.rnokpp]: message ?? "" }));
    if (message) return;
    const parsed = parseSalaryText(text);
    actions.setSalary(item.rnokpp, parsed.ok && parsed.value !== item.salary ? parsed.value : null);
  }

  async function proceed() {
    setProblem(null);
    const found: Record<string, string> = {};
    for (const item of items) {
      const message = check(item, textOf(item));
      if (message) found[item.rnokpp] = message;
    }
    setErrors(found);
    const invalid = items.findIndex((i) => found[i.rnokpp]);
    if (invalid >= 0) {
      setPage(Math.floor(invalid / PAGE) + 1);
      setProblem(`Виправте суму в ${formatNumber(Object.keys(found).length)} рядках: підказка — біля поля.`);
      summary.current?.focus();
      return;
    }
    setBusy(true);
    // From the fields as they read now (a change not yet blurred counts too), not the stored copy.
    const confirmed: Record<string, number> = {};
    const employees = items.map((i) => {
      const parsed = parseSalaryText(textOf(i));
      if (!parsed.ok || parsed.value === i.salary) return { rnokpp: i.rnokpp };
      confirmed[i.rnokpp] = parsed.value;
      return { rnokpp: i.rnokpp, salary: parsed.value };
    });
    actions.replaceSalaries(confirmed);
    const result = await createReservationDraftAction({ employees });
    if (!result.ok) {
      setBusy(false);
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(result.error.fields ?? {})) {
        const index = Number(/^employees\.(\d+)/.exec(path)?.[1]);
        if (Number.isInteger(index) && items[index]) fields[items[index]!.rnokpp] = message;
      }
      setErrors(fields);
      setProblem(result.error.message);
      summary.current?.focus();
      return;
    }
    if (draftId) await discardDraftAction({ draftId });
    actions.setDraftId(result.data.draftId);
    router.push(`/company/applications/drafts/${result.data.draftId}`);
  }

  const shown = items.slice((page - 1) * PAGE, page * PAGE);
  const pages = Math.ceil(items.length / PAGE);
  return (
    <div className="space-y-4">
      <Notice tone="info">
        Суми вже заповнено за даними, які підприємство подало до Пенсійного фонду. Змініть суму, лише якщо фактична
        інша: для перевірки береться <strong>менша з двох</strong>.
        {threshold !== null ? (
          <>
            {" "}
            Мінімальна зарплата для бронювання сьогодні — <strong className="tabular">{formatMoney(threshold)}</strong>.
          </>
        ) : (
          " Ваше підприємство звільнене від вимоги щодо рівня зарплати."
        )}
      </Notice>
      <div ref={summary} tabIndex={-1} className="outline-none">
        {problem ? (
          <Notice tone="error" testId="salary-problems">
            {problem}
          </Notice>
        ) : null}
      </div>
      <Card>
        <ol className="divide-y divide-line" start={(page - 1) * PAGE + 1} aria-label="Зарплати обраних працівників">
          {shown.map((item) => {
            const id = `salary-${item.rnokpp}`;
            const text = textOf(item);
            const parsed = parseSalaryText(text);
            const below = threshold !== null && parsed.ok && parsed.value < threshold;
            const error = errors[item.rnokpp];
            return (
              <li
                key={item.rnokpp}
                className="grid gap-2 py-3 sm:grid-cols-[1fr_16rem] sm:items-start"
                data-testid="salary-row"
              >
                <div>
                  <label htmlFor={id} className="font-medium">
                    {item.fullName}
                  </label>
                  <p className="tabular text-xs text-muted">
                    РНОКПП {maskRnokpp(item.rnokpp)} · за даними ПФУ:{" "}
                    {item.salary === null ? "немає даних" : formatMoney(item.salary)}
                  </p>
                </div>
                <div>
                  <div className="flex items-center gap-2">
                    <input
                      id={id}
                      inputMode="decimal"
                      autoComplete="off"
                      className="block w-full rounded-xl border border-line bg-white px-3 py-2 text-right tabular aria-[invalid=true]:border-chip-fail aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-chip-fail"
                      value={text}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : below ? `${id}-hint` : undefined}
                      onChange={(event) => setTexts((t) => ({ ...t, [item.rnokpp]: event.target.value }))}
                      onBlur={(event) => commit(item, event.target.value)}
                    />
                    <span className="text-sm text-muted">грн</span>
                  </div>
                  {error ? (
                    <p id={`${id}-error`} className="mt-1 text-sm text-chip-fail" data-field-error={id}>
                      {error}
                    </p>
                  ) : null}
                  {!error && below ? (
                    <p id={`${id}-hint`} className="mt-1 text-xs text-chip-fail">
                      Нижче мінімуму — працівникові буде відмовлено
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        {pages > 1 ? (
          <div className="mt-3 flex items-center justify-between gap-2 text-sm">
            <Button variant="ghost" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              ← Попередні
            </Button>
            <span className="tabular text-muted">
              Сторінка {page} з {pages}
            </span>
            <Button variant="ghost" size="sm" disabled={page === pages} onClick={() => setPage(page + 1)}>
              Наступні →
            </Button>
          </div>
        ) : null}
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" onClick={proceed} disabled={busy} data-testid="wizard-next">
          {busy ? "Перевіряємо…" : "Перевірити заяву →"}
        </Button>
        <ButtonLink href={backHref} variant="ghost">
          ← Змінити вибір
        </ButtonLink>
      </div>
    </div>
  );
}
