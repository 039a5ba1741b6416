"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { decideBasicServiceAction } from "@/app/centre/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** The centre's answer to one application: accept, or decline with a reason for the applicant. */
export function BasicServiceDecisionForm({ applicationId, fullName }: { applicationId: string; fullName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commentId = `comment-${applicationId}`;

  async function decide(decision: "ACCEPTED" | "DECLINED", comment: string) {
    setPending(true);
    setError(null);
    const result = await decideBasicServiceAction({ applicationId, decision, comment: comment || undefined });
    setPending(false);
    if (!result.ok) return setError(result.error.fields?.comment ?? result.error.message);
    router.refresh();
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void decide(
          submitter?.value === "DECLINED" ? "DECLINED" : "ACCEPTED",
          String(new FormData(event.currentTarget).get("comment") ?? ""),
        );
      }}
    >
      <Field
        label="Коментар для заявника"
        htmlFor={commentId}
        hint="Обов'язковий, якщо відхиляєте: заявник побачить причину"
      >
        <Textarea id={commentId} name="comment" maxLength={1000} rows={2} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" value="ACCEPTED" disabled={pending} aria-label={`Прийняти заяву: ${fullName}`}>
          Прийняти
        </Button>
        <Button
          type="submit"
          value="DECLINED"
          variant="secondary"
          disabled={pending}
          aria-label={`Відхилити заяву: ${fullName}`}
        >
          Відхилити
        </Button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}
