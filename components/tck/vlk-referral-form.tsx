"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { referToVlkAction } from "@/app/tck/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/format";

/** «Направити на ВЛК»: an electronic referral with the date, time and place to appear. */
export function VlkReferralForm({ personRef, defaultPlace }: { personRef: string; defaultPlace: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function submit(form: FormData) {
    const result = await referToVlkAction({
      ref: personRef,
      date: form.get("vlkDate"),
      time: form.get("vlkTime"),
      place: form.get("vlkPlace"),
    });
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({
      tone: "success",
      text: `Направлення на ВЛК оформлено: ${formatDateTime(new Date(result.data.at))}, ${result.data.place}. Особі надіслано сповіщення.`,
    });
    router.refresh();
  }
  return (
    <form // Not `action={submit}`: React resets a form after its action, wiping what was typed on a refusal.
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      className="grid gap-3 sm:grid-cols-3"
    >
      <Field label="Дата явки" htmlFor="vlkDate">
        <Input id="vlkDate" name="vlkDate" type="date" required />
      </Field>
      <Field label="Час явки" htmlFor="vlkTime" hint="Робочі години: 08:00–17:00">
        <Input id="vlkTime" name="vlkTime" type="time" defaultValue="09:00" required />
      </Field>
      <Field label="Місце проходження ВЛК" htmlFor="vlkPlace" className="sm:col-span-3">
        <Input id="vlkPlace" name="vlkPlace" defaultValue={defaultPlace} required minLength={5} maxLength={300} />
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary">
          Направити на ВЛК
        </Button>
      </div>
      {message ? (
        <Notice tone={message.tone} className="sm:col-span-3">
          {message.text}
        </Notice>
      ) : null}
    </form>
  );
}
