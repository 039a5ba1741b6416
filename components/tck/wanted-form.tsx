"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setWantedStatusAction } from "@/app/tck/actions";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** «Оголосити в розшук» for a person who is not wanted, «Зняти з розшуку» for one who is; a reason either way. */
export function WantedForm({ personRef, wanted }: { personRef: string; wanted: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function submit(form: FormData) {
    const result = await setWantedStatusAction({ ref: personRef, wanted: !wanted, reason: form.get("reason") });
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({
      tone: "success",
      text: result.data.wanted
        ? "Особу оголошено в розшук. Їй надіслано сповіщення."
        : "Особу знято з розшуку. Їй надіслано сповіщення.",
    });
    router.refresh();
  }
  return (
    <form // Not `action={submit}`: React resets a form after its action, wiping what was typed on a refusal.
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      className="grid gap-3"
      key={String(wanted)}
    >
      <Field label="Підстава" htmlFor="wanted-reason">
        <Textarea id="wanted-reason" name="reason" rows={2} required minLength={5} maxLength={500} />
      </Field>
      <div>
        <Button type="submit" variant={wanted ? "secondary" : "danger"}>
          {wanted ? "Зняти з розшуку" : "Оголосити в розшук"}
        </Button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </form>
  );
}
