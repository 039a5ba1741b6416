"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { issueTokenAction } from "@/app/company/api-tokens/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZTokenNameForm } from "@/lib/company/token-name";
import { CopyButton } from "./copy-button";

// Issuing a token: a name to tell it apart; the token itself is shown once, here, with a copy
// button and a ready curl call against this enterprise's employees.

export function IssueTokenForm({ portalUrl, edrpou }: { portalUrl: string; edrpou: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function issue() {
    const parsed = ZTokenNameForm.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Вкажіть назву токена");
    setBusy(true);
    setError(null);
    const result = await issueTokenAction({ name: parsed.data });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.name ?? result.error.message);
    setIssued({ name: result.data.name, token: result.data.token });
    setName("");
    router.refresh();
  }

  const curl = issued
    ? `curl -H "Authorization: Bearer ${issued.token}" "${portalUrl}/api/v1/enterprises/${edrpou}/employees?page=1&pageSize=50&eligible=true"`
    : "";
  return (
    <div className="space-y-4">
      {issued ? (
        <Notice tone="success" title={`Токен «${issued.name}» випущено`} testId="issued-token">
          <p>Скопіюйте його зараз: повністю ми його більше не покажемо (зберігаємо лише відбиток).</p>
          <code className="mt-2 block break-all rounded-xl bg-white px-3 py-2 text-sm" data-testid="token-value">
            {issued.token}
          </code>
          <div className="mt-2">
            <CopyButton text={issued.token} label="Скопіювати токен" />
          </div>
          <p className="mt-3 text-sm">Приклад запиту — працівники, яких можна забронювати:</p>
          <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-xl bg-white px-3 py-2 text-xs">
            {curl}
          </pre>
          <div className="mt-2">
            <CopyButton text={curl} label="Скопіювати приклад" />
          </div>
        </Notice>
      ) : null}
      <form
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void issue();
        }}
      >
        <Field
          label="Назва токена"
          htmlFor="token-name"
          hint="Напр. «1С: Кадри» — щоб знати, де він використовується"
          error={error ?? undefined}
          className="min-w-64 flex-1"
        >
          <Input
            id="token-name"
            value={name}
            maxLength={80}
            invalid={Boolean(error)}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Випускаємо…" : "Випустити токен"}
        </Button>
      </form>
    </div>
  );
}
