"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createAuthorityAction, updateAuthorityAction } from "@/app/admin/actions";
import { AUTHORITY_KINDS, AUTHORITY_KIND_LABELS } from "@/lib/admin/schemas";
import { KVED_SECTIONS } from "@/lib/enterprises/kved-sections";
import { checkEdrpou } from "@/lib/identifiers";

export type AuthorityValues = {
  id?: string;
  code: string;
  edrpou: string;
  name: string;
  shortName: string;
  kind: (typeof AUTHORITY_KINDS)[number];
  region: string | null;
  kvedSections: string[];
};

/** Create an authority, or edit one (its code and ЄДРПОУ are fixed once created). */
export function AuthorityForm({ initial, regions }: { initial?: AuthorityValues; regions: string[] }) {
  const router = useRouter();
  const editing = Boolean(initial?.id);
  const [values, setValues] = useState<AuthorityValues>(
    initial ?? { code: "", edrpou: "", name: "", shortName: "", kind: "MINISTRY", region: null, kvedSections: [] },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AuthorityValues>(key: K, value: AuthorityValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const edrpouCheck = checkEdrpou(values.edrpou);

  async function submit() {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const common = {
      name: values.name,
      shortName: values.shortName,
      kind: values.kind,
      region: values.region,
      kvedSections: values.kvedSections,
    };
    const result = editing
      ? await updateAuthorityAction({ id: initial!.id, ...common })
      : await createAuthorityAction({ code: values.code, edrpou: values.edrpou, ...common });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      return setMessage({ tone: "error", text: result.error.message });
    }
    setMessage({ tone: "success", text: editing ? "Зміни збережено." : "Орган влади створено." });
    if (!editing)
      setValues({ code: "", edrpou: "", name: "", shortName: "", kind: "MINISTRY", region: null, kvedSections: [] });
    router.refresh();
  }

  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Field label="Повна назва" htmlFor="au-name" error={errors.name} className="sm:col-span-2">
        <Input id="au-name" value={values.name} onChange={(e) => set("name", e.target.value)} invalid={!!errors.name} />
      </Field>
      <Field label="Скорочена назва" htmlFor="au-short" error={errors.shortName}>
        <Input
          id="au-short"
          value={values.shortName}
          onChange={(e) => set("shortName", e.target.value)}
          invalid={!!errors.shortName}
        />
      </Field>
      <Field label="Вид органу" htmlFor="au-kind" error={errors.kind}>
        <Select
          id="au-kind"
          value={values.kind}
          onChange={(e) => set("kind", e.target.value as AuthorityValues["kind"])}
        >
          {AUTHORITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {AUTHORITY_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Код (латиницею, для посилань)"
        htmlFor="au-code"
        error={errors.code}
        hint={editing ? "Код не змінюється" : "Напр. ova-sumska"}
      >
        <Input
          id="au-code"
          value={values.code}
          disabled={editing}
          onChange={(e) => set("code", e.target.value.toLowerCase())}
          invalid={!!errors.code}
        />
      </Field>
      <Field
        label="ЄДРПОУ органу"
        htmlFor="au-edrpou"
        error={errors.edrpou ?? (values.edrpou.length >= 8 && !edrpouCheck.valid ? edrpouCheck.message : undefined)}
        hint={editing ? "ЄДРПОУ не змінюється: він у сертифікатах КЕП посадових осіб" : undefined}
      >
        <Input
          id="au-edrpou"
          inputMode="numeric"
          maxLength={8}
          value={values.edrpou}
          disabled={editing}
          onChange={(e) => set("edrpou", e.target.value.replace(/\D/g, ""))}
        />
      </Field>
      <Field
        label="Регіон (для ОВА — обов'язково)"
        htmlFor="au-region"
        error={errors.region}
        hint="Саме так, як у реєстрі, напр. «Сумська область»"
        className="sm:col-span-2"
      >
        <Input
          id="au-region"
          list="au-regions"
          value={values.region ?? ""}
          onChange={(e) => set("region", e.target.value || null)}
          invalid={!!errors.region}
        />
        <datalist id="au-regions">
          {regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="mb-2 text-sm font-medium">
          Секції КВЕД, щодо яких орган ухвалює рішення (жодної — будь-які)
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {KVED_SECTIONS.map((s) => (
            <Checkbox
              key={s.code}
              label={`${s.code} — ${s.label}`}
              checked={values.kvedSections.includes(s.code)}
              onChange={(e) =>
                set(
                  "kvedSections",
                  e.target.checked ? [...values.kvedSections, s.code] : values.kvedSections.filter((c) => c !== s.code),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      {message ? (
        <Notice tone={message.tone} className="sm:col-span-2">
          {message.text}
        </Notice>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Зберігаємо…" : editing ? "Зберегти зміни" : "Створити орган"}
        </Button>
      </div>
    </form>
  );
}
