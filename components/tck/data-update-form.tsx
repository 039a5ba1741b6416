"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { recordDataUpdateAction } from "@/app/tck/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export type DataUpdateValues = {
  phone: string;
  email: string;
  address: string;
  rank: string;
  specialty: string;
};

const FIELDS: Array<[keyof DataUpdateValues, string, string]> = [
  ["phone", "Телефон", "tel"],
  ["email", "Електронна пошта", "email"],
  ["address", "Адреса проживання", "text"],
  ["rank", "Військове звання", "text"],
  ["specialty", "ВОС", "text"],
];

/** «Записати уточнені дані»: what the person told the ТЦК, dated today in the registry. */
export function DataUpdateForm({ personRef, values }: { personRef: string; values: DataUpdateValues }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  async function submit(form: FormData) {
    const input = Object.fromEntries(FIELDS.map(([name]) => [name, String(form.get(name) ?? "")]));
    const result = await recordDataUpdateAction({ ref: personRef, ...input });
    if (!result.ok) {
      setFieldErrors(result.error.fields ?? {});
      return setMessage({ tone: "error", text: result.error.message });
    }
    setFieldErrors({});
    setMessage({
      tone: "success",
      text: "Уточнені дані записано до реєстру з сьогоднішньою датою. Особі надіслано сповіщення.",
    });
    router.refresh();
  }
  return (
    <form // Not `action={submit}`: React resets a form after its action, wiping what was typed on a refusal.
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      className="grid gap-3 sm:grid-cols-2"
    >
      {FIELDS.map(([name, label, type]) => (
        <Field
          key={name}
          label={label}
          htmlFor={`data-${name}`}
          error={fieldErrors[name]}
          className={name === "address" ? "sm:col-span-2" : undefined}
        >
          <Input
            id={`data-${name}`}
            name={name}
            type={type}
            defaultValue={values[name]}
            invalid={Boolean(fieldErrors[name])}
          />
        </Field>
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" variant="secondary">
          Записати уточнені дані
        </Button>
      </div>
      {message ? (
        <Notice tone={message.tone} className="sm:col-span-2">
          {message.text}
        </Notice>
      ) : null}
    </form>
  );
}
