"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { correctServicePeriodAction, previewServicePeriodCorrectionAction } from "@/app/staff/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ServicePeriodCorrection } from "@/lib/certificates/schemas";
import { formatDate, formatDateTime } from "@/lib/format";

// The staff officer corrects a period the unit reported: the new dates and position with a
// reason, then — before signing — the certificates the change will revoke, then the КЕП
// signature over the document the server prepared (the period before and after, the revocations).

type Period = { id: string; position: string; fromDate: string; untilDate: string | null };
type Preview = { correction: ServicePeriodCorrection; revokes: Array<{ number: string; issuedAt: Date }> } & {
  document: string;
  nonce: string;
};

export function ServicePeriodCorrectionForm({
  rnokpp,
  period,
  officerRnokpp,
}: {
  rnokpp: string;
  period: Period;
  officerRnokpp: string | null;
}) {
  const router = useRouter();
  const [fields, setFields] = useState({
    fromDate: period.fromDate,
    untilDate: period.untilDate ?? "",
    position: period.position,
    reason: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function review() {
    setProblem(null);
    setErrors({});
    setBusy(true);
    const correction = {
      rnokpp,
      periodId: period.id,
      fromDate: fields.fromDate,
      untilDate: fields.untilDate || null,
      position: fields.position,
      reason: fields.reason,
    };
    const result = await previewServicePeriodCorrectionAction(correction);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      return setProblem(result.error.message);
    }
    setPreview({ correction: { ...correction, position: correction.position.trim() }, ...result.data });
  }

  if (done) {
    return (
      <Notice tone="success" testId="correction-done">
        Період виправлено.{" "}
        {done.length > 0 ? `Відкликано довідки № ${done.join(", ")}.` : "Жодну довідку не відкликано."}
      </Notice>
    );
  }

  if (preview) {
    const after = preview.correction;
    return (
      <KepSigner
        document={preview.document}
        summary={
          <div className="space-y-2" data-testid="correction-summary">
            <p className="font-semibold">Ви виправляєте період служби:</p>
            <p className="text-sm">
              було: {period.position}, {formatDate(period.fromDate)} –{" "}
              {period.untilDate ? formatDate(period.untilDate) : "по теперішній час"}
            </p>
            <p className="text-sm">
              стане: {after.position}, {formatDate(after.fromDate)} –{" "}
              {after.untilDate ? formatDate(after.untilDate) : "по теперішній час"}
            </p>
            <p className="text-sm">Причина: {after.reason}</p>
            {preview.revokes.length > 0 ? (
              <div data-testid="correction-revokes">
                <p className="text-sm font-semibold">Буде відкликано довідки про участь у військовій службі:</p>
                <ul className="list-disc pl-5 text-sm">
                  {preview.revokes.map((row) => (
                    <li key={row.number}>
                      № {row.number}, видана {formatDateTime(row.issuedAt)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm" data-testid="correction-revokes-none">
                Жодну довідку не буде відкликано: чинні довідки особи не містять цього періоду або вже відповідають
                виправленню.
              </p>
            )}
          </div>
        }
        expectedRnokpp={officerRnokpp ?? undefined}
        submitLabel="Підписати виправлення"
        doneMessage="Виправлення підписано."
        onCancel={() => setPreview(null)}
        onSigned={async ({ signature }) => {
          const result = await correctServicePeriodAction({ ...preview.correction, nonce: preview.nonce, signature });
          if (!result.ok) return { ok: false, message: result.error.message };
          setDone(result.data.revoked);
          router.refresh();
          return { ok: true };
        }}
      />
    );
  }

  const input = (name: keyof typeof fields) => ({
    id: `correction-${name}`,
    name,
    value: fields[name],
    invalid: Boolean(errors[name]),
    "aria-describedby": errors[name] ? `correction-${name}-error` : undefined,
    onChange: (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value }),
  });

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void review();
      }}
    >
      {problem ? (
        <Notice tone="error" testId="correction-problem">
          {problem}
        </Notice>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Початок служби" htmlFor="correction-fromDate" error={errors.fromDate}>
          <Input type="date" required {...input("fromDate")} />
        </Field>
        <Field
          label="Кінець служби"
          htmlFor="correction-untilDate"
          hint="Залиште порожнім, якщо особа служить досі"
          error={errors.untilDate}
        >
          <Input type="date" {...input("untilDate")} />
        </Field>
      </div>
      <Field label="Посада" htmlFor="correction-position" error={errors.position}>
        <Input maxLength={200} required {...input("position")} />
      </Field>
      <Field
        label="Причина виправлення"
        htmlFor="correction-reason"
        hint="Її побачать громадянин і кожен, хто перевірятиме відкликану довідку"
        error={errors.reason}
      >
        <Textarea rows={3} maxLength={1000} required {...input("reason")} />
      </Field>
      <Button type="submit" disabled={busy} data-testid="correction-preview">
        Переглянути наслідки й підписати
      </Button>
    </form>
  );
}
