"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { grantDefermentAction } from "@/app/tck/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function DefermentForm({ personRef, grounds }: { personRef: string; grounds: string[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function submit(form: FormData) {
    const result = await grantDefermentAction({ ref: personRef, ground: form.get("ground"), until: form.get("until") });
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage({
      tone: "success",
      text:
        result.data.withdrawn > 0
          ? `Відстрочку надано. Невручених повісток на мобілізацію відкликано: ${result.data.withdrawn}.`
          : "Відстрочку надано.",
    });
    router.refresh();
  }
  return (
    <form // Not `action={submit}`: React resets a form after its action, wiping the date typed on a refusal.
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      className="grid gap-3 sm:grid-cols-3"
    >
      <Field label="Підстава" htmlFor="ground" className="sm:col-span-2">
        <Select id="ground" name="ground">
          {grounds.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="До" htmlFor="until">
        <Input id="until" name="until" type="date" required />
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary">
          Надати відстрочку
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
