"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideApplicationAction } from "@/app/unit/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** Accept or decline with a comment; declining needs the reason the candidate will read. */
export function DecisionForm({ applicationId, candidate }: { applicationId: string; candidate: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const commentId = `decision-comment-${applicationId}`;

  async function decide(decision: "ACCEPTED" | "DECLINED", form: HTMLFormElement) {
    const comment = String(new FormData(form).get("comment") ?? "");
    setPending(true);
    setError(null);
    const result = await decideApplicationAction({ applicationId, decision, comment: comment || undefined });
    setPending(false);
    if (!result.ok) {
      setFieldError(result.error.fields?.comment);
      return setError(result.error.message);
    }
    router.refresh();
  }

  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()} aria-label={`Рішення щодо кандидата ${candidate}`}>
      <Field
        label="Коментар для кандидата"
        htmlFor={commentId}
        hint="Обов'язковий, якщо відхиляєте: кандидат побачить його"
        error={fieldError}
      >
        <Textarea id={commentId} name="comment" rows={2} maxLength={1000} invalid={!!fieldError} />
      </Field>
      {error && !fieldError ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending} onClick={(e) => decide("ACCEPTED", e.currentTarget.form!)}>
          Прийняти
        </Button>
        <Button disabled={pending} variant="secondary" onClick={(e) => decide("DECLINED", e.currentTarget.form!)}>
          Відхилити
        </Button>
      </div>
    </form>
  );
}
