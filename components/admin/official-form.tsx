"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addOfficialAction } from "@/app/admin/actions";
import { checkRnokpp } from "@/lib/identifiers";
import { IssueTestKeyButton } from "./issue-test-key-button";

type Totp = { secret: string; uri: string; qrDataUrl: string };
const EMPTY = { email: "", fullName: "", rnokpp: "", position: "", password: "" };

/** Adds an official; the authenticator secret is shown once, right here, and never again. */
export function OfficialForm({
  authorities,
  defaultAuthorityId,
  demoMode,
}: {
  authorities: Array<{ id: string; shortName: string }>;
  defaultAuthorityId?: string;
  demoMode: boolean;
}) {
  const router = useRouter();
  const [authorityId, setAuthorityId] = useState(defaultAuthorityId ?? authorities[0]?.id ?? "");
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [totp, setTotp] = useState<({ name: string; email: string; membershipId: string } & Totp) | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const rnokppCheck = checkRnokpp(values.rnokpp);

  async function submit() {
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await addOfficialAction({ authorityId, ...values });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      return setMessage(result.error.message);
    }
    setTotp({
      name: values.fullName,
      email: values.email.trim().toLowerCase(),
      membershipId: result.data.membershipId,
      ...result.data.totp,
    });
    setValues(EMPTY);
    router.refresh();
  }

  if (totp) {
    return (
      <div className="space-y-4" data-testid="official-added">
        <Notice tone="success" title={`Посадову особу додано: ${totp.name}`}>
          Передайте особі пароль окремим каналом. Ключ автентифікатора показано <strong>лише один раз</strong>:
          відскануйте QR-код у застосунку (Google Authenticator, Microsoft Authenticator тощо) або введіть ключ вручну.
        </Notice>
        <div className="flex flex-wrap items-start gap-6">
          {/* A data URL made on the server: next/image has nothing to optimise here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={totp.qrDataUrl}
            alt={`QR-код автентифікатора для ${totp.email}`}
            width={220}
            height={220}
            className="rounded-xl ring-1 ring-line"
          />
          <dl className="min-w-0 flex-1 space-y-2 text-sm">
            <div>
              <dt className="text-muted">Ключ (base32)</dt>
              <dd className="break-all font-mono text-base" data-testid="totp-secret">
                {totp.secret}
              </dd>
            </div>
            <div>
              <dt className="text-muted">Посилання otpauth://</dt>
              <dd className="break-all font-mono text-xs">{totp.uri}</dd>
            </div>
          </dl>
        </div>
        {demoMode ? (
          <IssueTestKeyButton membershipId={totp.membershipId} />
        ) : (
          <p className="text-sm text-muted">
            Для підписання рішень особі потрібен кваліфікований сертифікат КЕП, виданий для ЄДРПОУ органу.
          </p>
        )}
        <Button variant="secondary" onClick={() => setTotp(null)}>
          Я зберіг(ла) ключ — додати ще одну особу
        </Button>
      </div>
    );
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
      <Field label="Орган влади" htmlFor="of-authority" error={errors.authorityId}>
        <Select id="of-authority" value={authorityId} onChange={(e) => setAuthorityId(e.target.value)}>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Посада" htmlFor="of-position" error={errors.position}>
        <Input
          id="of-position"
          value={values.position}
          onChange={(e) => set("position", e.target.value)}
          invalid={!!errors.position}
        />
      </Field>
      <Field label="Прізвище, ім'я, по батькові" htmlFor="of-name" error={errors.fullName}>
        <Input
          id="of-name"
          value={values.fullName}
          autoComplete="off"
          onChange={(e) => set("fullName", e.target.value)}
          invalid={!!errors.fullName}
        />
      </Field>
      <Field
        label="РНОКПП"
        htmlFor="of-rnokpp"
        error={errors.rnokpp ?? (values.rnokpp.length >= 10 && !rnokppCheck.valid ? rnokppCheck.message : undefined)}
      >
        <Input
          id="of-rnokpp"
          inputMode="numeric"
          maxLength={10}
          value={values.rnokpp}
          onChange={(e) => set("rnokpp", e.target.value.replace(/\D/g, ""))}
        />
      </Field>
      <Field label="Службова е-пошта (логін)" htmlFor="of-email" error={errors.email}>
        <Input
          id="of-email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          invalid={!!errors.email}
        />
      </Field>
      <Field
        label="Початковий пароль"
        htmlFor="of-password"
        error={errors.password}
        hint="Щонайменше 12 символів, літери й цифри"
      >
        <Input
          id="of-password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set("password", e.target.value)}
          invalid={!!errors.password}
        />
      </Field>
      <p className="text-sm text-muted sm:col-span-2">
        Якщо особа вже має обліковий запис у порталі, її пароль і ключ автентифікатора буде замінено новими.
      </p>
      {message ? (
        <Notice tone="error" className="sm:col-span-2">
          {message}
        </Notice>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy || !authorityId}>
          {busy ? "Додаємо…" : "Додати посадову особу"}
        </Button>
      </div>
    </form>
  );
}
