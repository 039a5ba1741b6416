"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { updateContactsAction } from "@/app/me/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Values = { phone: string; email: string; address: string };

export function ContactsForm({ initial }: { initial: Values }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      phone: String(form.get("phone") ?? ""),
      email: String(form.get("email") ?? ""),
      address: String(form.get("address") ?? ""),
    };
    setPending(true);
    setMessage(null);
    const result = await updateContactsAction(values);
    setPending(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors(fields);
      // Field problems are shown beside their fields; the notice only says there are some.
      setMessage({
        tone: "error",
        text: Object.keys(fields).length > 0 ? "Перевірте виділені поля" : result.error.message,
      });
      return;
    }
    setErrors({});
    setMessage({ tone: "success", text: "Контакти збережено в реєстрі. Дату уточнення даних оновлено." });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Телефон" htmlFor="phone" hint="У форматі +380XXXXXXXXX" error={errors.phone}>
        <Input
          id="phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          defaultValue={initial.phone}
          invalid={!!errors.phone}
          required
        />
      </Field>
      <Field
        label="Електронна пошта"
        htmlFor="email"
        hint="Необов'язково: на неї надходитимуть сповіщення"
        error={errors.email}
      >
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={initial.email}
          invalid={!!errors.email}
        />
      </Field>
      <Field
        label="Адреса проживання"
        htmlFor="address"
        hint="Населений пункт, вулиця, будинок, квартира"
        error={errors.address}
      >
        <Textarea
          id="address"
          name="address"
          autoComplete="street-address"
          defaultValue={initial.address}
          invalid={!!errors.address}
          rows={2}
          required
        />
      </Field>
      {message ? (
        <Notice tone={message.tone} testId="contacts-result">
          {message.text}
        </Notice>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Зберігаю…" : "Зберегти контакти"}
      </Button>
    </form>
  );
}
