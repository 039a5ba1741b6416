"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { applyForBasicServiceAction } from "@/app/me/centres/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** The application: a specialty and a centre, then one click. */
export function BasicServiceForm({
  centres,
  specialties,
}: {
  centres: Array<{ id: string; label: string }>;
  specialties: string[];
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function apply(form: FormData) {
    setPending(true);
    setError(null);
    const result = await applyForBasicServiceAction({
      centreId: String(form.get("centreId") ?? ""),
      specialty: String(form.get("specialty") ?? ""),
    });
    setPending(false);
    if (!result.ok) return setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
    setSent(true);
    router.refresh();
  }

  if (sent)
    return (
      <Notice tone="success" title="Заяву подано" testId="basic-service-sent">
        Центр розгляне її і повідомить вас про рішення.
      </Notice>
    );

  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        void apply(new FormData(event.currentTarget));
      }}
    >
      <Field label="Спеціальність" htmlFor="specialty">
        <Select id="specialty" name="specialty" defaultValue="" required>
          <option value="" disabled>
            Оберіть спеціальність
          </option>
          {specialties.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Рекрутинговий центр" htmlFor="centreId">
        <Select id="centreId" name="centreId" defaultValue="" required>
          <option value="" disabled>
            Оберіть центр
          </option>
          {centres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Подати заяву
        </Button>
      </div>
      {error ? (
        <div className="sm:col-span-2">
          <Notice tone="error" testId="basic-service-error">
            {error}
          </Notice>
        </div>
      ) : null}
    </form>
  );
}
