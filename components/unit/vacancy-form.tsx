"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { publishVacancyAction, updateVacancyAction } from "@/app/unit/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type Values = { title: string; specialty: string; region: string; requirements: string; description: string };

/** Publish a new vacancy or edit an open one; the server checks every field again. */
export function VacancyForm({ vacancyId, initial }: { vacancyId?: string; initial: Values }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      ["title", "specialty", "region", "requirements", "description"].map((k) => [k, String(form.get(k) ?? "")]),
    ) as Values;
    setPending(true);
    setError(null);
    const result = vacancyId ? await updateVacancyAction({ ...values, vacancyId }) : await publishVacancyAction(values);
    setPending(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors(fields);
      return setError(Object.keys(fields).length > 0 ? "Перевірте виділені поля" : result.error.message);
    }
    router.push("/unit/vacancies");
    router.refresh();
  }

  const field = (name: keyof Values, label: string, hint: string, multiline = false) => (
    <Field label={label} htmlFor={name} hint={hint} error={errors[name]}>
      {multiline ? (
        <Textarea id={name} name={name} defaultValue={initial[name]} invalid={!!errors[name]} rows={4} />
      ) : (
        <Input id={name} name={name} defaultValue={initial[name]} invalid={!!errors[name]} />
      )}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {field("title", "Посада", "Наприклад: Оператор БпЛА")}
      {field("specialty", "Спеціальність або ВОС", "Наприклад: 150125 — оператор БпЛА")}
      {field("region", "Область", "Де служитиме кандидат")}
      {field("requirements", "Вимоги", "Вік, здоров'я, навички, освіта", true)}
      {field("description", "Опис", "Що робитиме кандидат, умови служби, навчання", true)}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Зберігаю…" : vacancyId ? "Зберегти зміни" : "Опублікувати"}
      </Button>
    </form>
  );
}
