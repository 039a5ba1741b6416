"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createAnnulmentDraftAction, discardDraftAction } from "@/app/company/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatNumber } from "@/lib/format";
import { selectionActions, useSelection } from "./selection-store";

// Step 2 of an annulment: the ground. The head chooses one of the grounds the law lets them
// use; the advice from Diia's practice comes first — annul before dismissing, because after the
// dismissal it can no longer be done by the head.

export type GroundOption = { code: string; label: string; hint: string };

export function GroundStep({
  storeKey,
  grounds,
  backHref,
}: {
  storeKey: string;
  grounds: readonly GroundOption[];
  backHref: string;
}) {
  const router = useRouter();
  const { items, draftId, ready } = useSelection(storeKey);
  const [ground, setGround] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);

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

  async function proceed() {
    if (!ground) {
      setError("Оберіть підставу анулювання");
      fieldset.current?.querySelector("input")?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await createAnnulmentDraftAction({ ground, employees: items.map((i) => ({ rnokpp: i.rnokpp })) });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.fields?.ground ?? result.error.message);
    }
    if (draftId) await discardDraftAction({ draftId });
    selectionActions(storeKey).setDraftId(result.data.draftId);
    router.push(`/company/applications/drafts/${result.data.draftId}`);
  }

  return (
    <div className="space-y-4">
      <Notice tone="info" title="Анулюйте бронювання до звільнення працівника">
        Після звільнення анулювати бронювання через заяву вже не можна: його анулюють автоматично, коли звільнення
        потрапить до реєстру. Щоб не порушити строки, подайте заяву в день ухвалення рішення про звільнення.
      </Notice>
      <Card>
        <p className="mb-3">
          Обрано працівників: <strong className="tabular">{formatNumber(items.length)}</strong>
        </p>
        <fieldset
          ref={fieldset}
          aria-describedby={error ? "ground-error" : undefined}
          aria-invalid={error ? true : undefined}
        >
          <legend className="mb-2 font-medium">Підстава анулювання</legend>
          <div className="space-y-2">
            {grounds.map((g) => (
              <label
                key={g.code}
                className="flex cursor-pointer items-start gap-3 rounded-2xl p-3 ring-1 ring-line has-[:checked]:ring-2 has-[:checked]:ring-ink"
              >
                <input
                  type="radio"
                  name="ground"
                  value={g.code}
                  checked={ground === g.code}
                  onChange={() => {
                    setGround(g.code);
                    setError(null);
                  }}
                  className="mt-1 size-5 accent-black"
                />
                <span>
                  <span className="font-medium">{g.label}</span>
                  <span className="block text-sm text-muted">{g.hint}</span>
                </span>
              </label>
            ))}
          </div>
          {error ? (
            <p id="ground-error" className="mt-2 text-sm text-chip-fail" data-field-error="ground">
              {error}
            </p>
          ) : null}
        </fieldset>
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
