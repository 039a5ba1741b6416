"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { applyChangeAction, prepareChangeAction } from "@/app/ministry/decisions/[id]/actions";
import { CHANGE_ACTION_LABELS } from "@/lib/enterprises/decision-documents";
import type { DecisionChange, DecisionChangeAction } from "@/lib/enterprises/schemas";
import { formatNumber, pluralUk } from "@/lib/format";
import { ChangeForm, type DecisionFacts } from "./change-form";

type Prepared = {
  change: DecisionChange;
  document: string;
  nonce: string;
  activeReservations: number;
  overLimit: number;
};

const ACTIONS: Array<{ action: DecisionChangeAction; label: string }> = [
  { action: "CONFIRM", label: "Підтвердити статус" },
  { action: "EXTEND", label: "Продовжити строк" },
  { action: "CHANGE_LIMIT", label: "Змінити ліміт" },
  { action: "REVOKE", label: "Скасувати рішення" },
];

const reservationsWord = (n: number) => `${formatNumber(n)} ${pluralUk(n, ["бронювання", "бронювання", "бронювань"])}`;

/** The signed acts on a decision: pick one, fill in its form and reason, then sign the prepared document. */
export function DecisionActions({
  decision,
  officialRnokpp,
  authorityEdrpou,
}: {
  decision: DecisionFacts;
  officialRnokpp?: string;
  authorityEdrpou: string;
}) {
  const router = useRouter();
  const [action, setAction] = useState<DecisionChangeAction | null>(null);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const available = ACTIONS.filter((a) => decision.state !== "EXPIRED" || a.action === "REVOKE");

  async function prepare(change: DecisionChange): Promise<{ fields?: Record<string, string>; message?: string }> {
    const result = await prepareChangeAction({ decisionId: decision.id, change });
    if (!result.ok) return { fields: result.error.fields, message: result.error.message };
    setPrepared({ change, ...result.data });
    return {};
  }

  if (done) {
    return (
      <div className="space-y-3">
        <Notice tone="success" testId="change-done">
          {done}
        </Notice>
        {decision.state !== "REVOKED" ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setDone(null);
              setAction(null);
            }}
          >
            Інша дія
          </Button>
        ) : null}
      </div>
    );
  }
  if (decision.state === "REVOKED")
    return (
      <p className="text-muted">
        Рішення скасовано: дії з ним недоступні. Щоб знову надати статус, ухваліть нове рішення.
      </p>
    );

  if (prepared) {
    const { change } = prepared;
    return (
      <div className="space-y-4">
        {change.action === "REVOKE" ? (
          <Notice
            tone={prepared.activeReservations > 0 ? "warning" : "info"}
            title="Наслідки скасування"
            testId="revoke-impact"
          >
            {prepared.activeReservations > 0
              ? `Буде анульовано ${reservationsWord(prepared.activeReservations)} працівників цього підприємства (станом на зараз). Кожного працівника й керівника буде повідомлено.`
              : "Чинних бронювань у підприємства немає."}
          </Notice>
        ) : null}
        {change.action === "CHANGE_LIMIT" && prepared.overLimit > 0 ? (
          <Notice tone="warning" title="Бронювань більше, ніж новий ліміт" testId="limit-impact">
            Чинних бронювань: {formatNumber(prepared.activeReservations)}. {reservationsWord(prepared.overLimit)} понад
            новий ліміт буде анульовано під час щоденної автоматичної перевірки (з підстави «перевищення ліміту»,
            починаючи з найновіших). Керівника буде повідомлено, і він може до того анулювати бронювання, які обере сам.
          </Notice>
        ) : null}
        <KepSigner
          document={prepared.document}
          summary={
            <p>
              <strong>{CHANGE_ACTION_LABELS[change.action]}</strong>. Підстава: {change.reason}
            </p>
          }
          expectedRnokpp={officialRnokpp}
          expectedEdrpou={authorityEdrpou}
          submitLabel={change.action === "REVOKE" ? "Підписати й скасувати" : "Підписати"}
          onCancel={() => setPrepared(null)}
          onSigned={async ({ signature }) => {
            const result = await applyChangeAction({
              decisionId: decision.id,
              change,
              nonce: prepared.nonce,
              signature,
            });
            if (!result.ok) return { ok: false, message: result.error.message };
            setDone(
              result.data.action === "REVOKE"
                ? `Рішення скасовано. Анульовано ${reservationsWord(result.data.annulled)}; працівників і керівника повідомлено.`
                : `${CHANGE_ACTION_LABELS[result.data.action]}: зміну підписано й внесено.`,
            );
            setPrepared(null);
            router.refresh();
            return { ok: true };
          }}
        />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Дія з рішенням">
        {available.map((a) => (
          <Button
            key={a.action}
            size="sm"
            variant={action === a.action ? "primary" : a.action === "REVOKE" ? "danger" : "secondary"}
            aria-pressed={action === a.action}
            onClick={() => setAction(a.action)}
          >
            {a.label}
          </Button>
        ))}
      </div>
      {action ? (
        <ChangeForm key={action} action={action} decision={decision} onPrepare={prepare} />
      ) : (
        <p className="text-sm text-muted">Оберіть дію. Кожну дію підписують КЕП і зазначають підставу.</p>
      )}
    </div>
  );
}
