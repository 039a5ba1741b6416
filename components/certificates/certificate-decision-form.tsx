"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideCertificateRequestAction, prepareCertificateDecisionAction } from "@/app/staff/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { CertificateDecision } from "@/lib/certificates/schemas";

// The staff officer confirms the unit's periods or refuses with a reason; either is signed with
// their КЕП over the document the server prepared (the periods as shown, the decision, a nonce).

type Prepared = { decision: CertificateDecision; document: string; nonce: string };

export function CertificateDecisionForm({
  requestId,
  officerRnokpp,
  periodsText,
}: {
  requestId: string;
  officerRnokpp: string | null;
  periodsText: string;
}) {
  const router = useRouter();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [busy, setBusy] = useState(false);

  async function prepare(decision: CertificateDecision) {
    setProblem(null);
    setBusy(true);
    const result = await prepareCertificateDecisionAction(decision);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.fields?.reason ?? result.error.message);
    setPrepared({ decision, ...result.data });
  }

  if (prepared) {
    const confirm = prepared.decision.decision === "CONFIRM";
    return (
      <KepSigner
        document={prepared.document}
        summary={
          <div data-testid="decision-summary">
            <p className="font-semibold">
              {confirm
                ? "Ви підтверджуєте участь у захисті України за періоди:"
                : "Ви відмовляєте в підтвердженні періодів:"}
            </p>
            <p className="text-sm">{periodsText}</p>
            {prepared.decision.decision === "REFUSE" ? (
              <p className="mt-2 text-sm">Причина: {prepared.decision.reason}</p>
            ) : null}
          </div>
        }
        expectedRnokpp={officerRnokpp ?? undefined}
        submitLabel={confirm ? "Підписати підтвердження" : "Підписати відмову"}
        doneMessage={confirm ? "Підтвердження підписано." : "Відмову підписано."}
        onCancel={() => setPrepared(null)}
        onSigned={async ({ signature }) => {
          const result = await decideCertificateRequestAction({
            ...prepared.decision,
            nonce: prepared.nonce,
            signature,
          });
          if (!result.ok) return { ok: false, message: result.error.message };
          router.refresh();
          return { ok: true };
        }}
      />
    );
  }

  return (
    <div className="space-y-4">
      {problem ? (
        <Notice tone="error" testId="decision-problem">
          {problem}
        </Notice>
      ) : null}
      {refusing ? (
        <div className="space-y-3">
          <Field label="Причина відмови" htmlFor="refusal-reason" hint="Громадянин побачить її дослівно">
            <Textarea
              id="refusal-reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              disabled={busy}
              onClick={() => void prepare({ requestId, decision: "REFUSE", reason })}
            >
              Перейти до підпису відмови
            </Button>
            <Button variant="secondary" onClick={() => setRefusing(false)}>
              Назад
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button
            disabled={busy}
            onClick={() => void prepare({ requestId, decision: "CONFIRM" })}
            data-testid="confirm-periods"
          >
            Підтвердити й підписати КЕП
          </Button>
          <Button variant="secondary" onClick={() => setRefusing(true)}>
            Відмовити
          </Button>
        </div>
      )}
    </div>
  );
}
