"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { discardDraftAction, handOverDraftAction, submitDraftAction } from "@/app/company/actions";
import { KepSignerDialog } from "@/components/kep/kep-signer-dialog";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { selectionActions, useSelection } from "./selection-store";
import { ANNULMENT_STEPS, RESERVATION_STEPS, Stepper } from "./step-header";

// Step 4, below the pre-check (step 3) it follows. The head opens the signer's dialog (the
// stepper inside it marks step 4), signs the prepared bytes with their КЕП and submits; the
// page then follows the decision. An authorized person cannot sign — the signer is not offered to them (and the
// server would refuse) — so they hand the draft over to the head instead.

type Props = {
  draftId: string;
  kind: "RESERVATION" | "ANNULMENT";
  document: string;
  summary: ReactNode;
  isHead: boolean;
  headName: string | null;
  expectedRnokpp?: string;
  expectedEdrpou: string;
  /** The selection this draft came from (cleared once it is submitted or handed over). */
  storeKey: string;
  /** Back to step 2, when the draft is the actor's own. */
  editHref: string | null;
  preparedByMe: boolean;
};

export function DraftActions(props: Props) {
  const router = useRouter();
  const selection = useSelection(props.storeKey);
  const [state, setState] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const forget = () => {
    if (selection.draftId === props.draftId) selectionActions(props.storeKey).clear();
  };

  async function discard() {
    setBusy(true);
    const result = await discardDraftAction({ draftId: props.draftId });
    setBusy(false);
    if (!result.ok) return setState({ tone: "error", text: result.error.message });
    if (selection.draftId === props.draftId) selectionActions(props.storeKey).setDraftId(null);
    router.push(props.kind === "RESERVATION" ? "/company/applications" : "/company/annulments");
  }

  async function handOver() {
    setBusy(true);
    const result = await handOverDraftAction({ draftId: props.draftId });
    setBusy(false);
    if (!result.ok) return setState({ tone: "error", text: result.error.message });
    forget();
    setState({
      tone: "success",
      text: `Заяву передано на підпис${props.headName ? ` керівнику — ${props.headName}` : " керівнику"}. Керівник отримає сповіщення й побачить її в розділі «Заяви» серед тих, що очікують підпису.`,
    });
  }

  return (
    <Card data-testid="draft-actions">
      <CardTitle>{props.isHead ? "Далі: підпишіть заяву КЕП" : "Далі: передайте заяву керівнику"}</CardTitle>
      {state ? (
        <Notice
          tone={state.tone === "error" ? "error" : "success"}
          className="mb-4"
          testId={state.tone === "success" ? "handed-over" : "draft-error"}
        >
          {state.text}
        </Notice>
      ) : null}
      {props.isHead ? (
        <div className="space-y-3">
          <p>Перевірили заяву? Відкрийте ключ і підпишіть її — заяву буде подано одразу після підпису.</p>
          <KepSignerDialog
            openLabel="Підписати КЕП"
            title="Крок 4 з 4: підпишіть заяву КЕП"
            header={<Stepper steps={props.kind === "RESERVATION" ? RESERVATION_STEPS : ANNULMENT_STEPS} current={4} />}
            document={props.document}
            summary={props.summary}
            expectedRnokpp={props.expectedRnokpp}
            expectedEdrpou={props.expectedEdrpou}
            submitLabel="Підписати й подати"
            doneMessage="Заяву підписано й подано. Відкриваємо її розгляд…"
            onSigned={async ({ signature }) => {
              const result = await submitDraftAction({ draftId: props.draftId, kind: props.kind, signature });
              if (!result.ok) return { ok: false, message: result.error.message };
              forget();
              router.push(`/company/applications/${result.data.applicationId}`);
              return { ok: true };
            }}
          />
        </div>
      ) : state?.tone === "success" ? null : (
        <div className="space-y-3">
          <p>
            Підписати заяву може лише керівник підприємства{props.headName ? ` (${props.headName})` : ""}. Передайте її
            — керівник перевірить і підпише своїм КЕП.
          </p>
          {props.preparedByMe ? (
            <Button size="lg" onClick={handOver} disabled={busy} data-testid="hand-over">
              {busy ? "Передаємо…" : "Передати керівнику на підпис"}
            </Button>
          ) : (
            <p className="text-muted">Цю заяву підготувала інша особа; її підпише керівник.</p>
          )}
        </div>
      )}
      <div className="mt-5 flex flex-wrap gap-3 border-t border-line pt-4">
        {props.editHref ? (
          <ButtonLink href={props.editHref} variant="ghost" size="sm">
            ← Змінити заяву
          </ButtonLink>
        ) : null}
        {props.isHead || props.preparedByMe ? (
          <Button variant="ghost" size="sm" onClick={discard} disabled={busy}>
            Видалити чернетку
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
