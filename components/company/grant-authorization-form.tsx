"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { grantAction, prepareGrantAction } from "@/app/company/authorizations/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZPrepareGrantInput } from "@/lib/authorizations/schemas";
import { checkRnokpp } from "@/lib/identifiers";

// Authorizing a person: the РНОКПП is checked as typed (the check digit), the registry names
// the person for the head to confirm, and the head signs the grant with their КЕП.

type Prepared = {
  document: string;
  nonce: string;
  person: { rnokpp: string; fullName: string; position: string | null };
  enterprise: { edrpou: string; name: string };
};

export function GrantAuthorizationForm({ headRnokpp, edrpou }: { headRnokpp: string; edrpou: string }) {
  const router = useRouter();
  const [rnokpp, setRnokpp] = useState("");
  const [position, setPosition] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typed = checkRnokpp(rnokpp);

  async function prepare() {
    setProblem(null);
    setDone(null);
    const parsed = ZPrepareGrantInput.safeParse({ rnokpp, position });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await prepareGrantAction({ rnokpp: rnokpp.trim(), position });
    setBusy(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(result.error.fields);
      return setProblem(result.error.message);
    }
    setPrepared(result.data);
  }

  if (prepared) {
    return (
      <KepSigner
        document={prepared.document}
        summary={
          <div data-testid="grant-summary">
            <p>Ви уповноважуєте:</p>
            <p className="text-lg font-semibold">{prepared.person.fullName}</p>
            <p className="tabular text-sm">
              РНОКПП {prepared.person.rnokpp}
              {prepared.person.position ? ` · ${prepared.person.position}` : ""}
            </p>
            <p className="mt-2 text-sm">
              переглядати працівників «{prepared.enterprise.name}» і готувати заяви про бронювання та анулювання.
              Підписувати заяви зможете лише ви.
            </p>
          </div>
        }
        expectedRnokpp={headRnokpp}
        expectedEdrpou={edrpou}
        submitLabel="Підписати уповноваження"
        doneMessage="Уповноваження підписано."
        onCancel={() => setPrepared(null)}
        onSigned={async ({ signature }) => {
          const result = await grantAction({
            rnokpp: prepared.person.rnokpp,
            position: prepared.person.position ?? "",
            nonce: prepared.nonce,
            signature,
          });
          if (!result.ok) return { ok: false, message: result.error.message };
          setDone(
            `${prepared.person.fullName} тепер може входити до кабінету підприємства (КЕП або паролем) і готувати заяви. Ми надіслали їй/йому сповіщення.`,
          );
          setPrepared(null);
          setRnokpp("");
          setPosition("");
          router.refresh();
          return { ok: true };
        }}
      />
    );
  }

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void prepare();
      }}
    >
      {done ? (
        <Notice tone="success" testId="grant-done">
          {done}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="РНОКПП особи"
          htmlFor="grant-rnokpp"
          hint="10 цифр; ім'я підтягнемо з реєстру, щоб ви його перевірили"
          error={errors.rnokpp ?? (rnokpp.length >= 10 && !typed.valid ? typed.message : undefined)}
        >
          <Input
            id="grant-rnokpp"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            value={rnokpp}
            invalid={Boolean(errors.rnokpp) || (rnokpp.length >= 10 && !typed.valid)}
            onChange={(event) => setRnokpp(event.target.value.replace(/\D/g, ""))}
          />
        </Field>
        <Field label="Посада (необов'язково)" htmlFor="grant-position" error={errors.position}>
          <Input
            id="grant-position"
            maxLength={100}
            value={position}
            invalid={Boolean(errors.position)}
            onChange={(event) => setPosition(event.target.value)}
            placeholder="Напр. менеджер з персоналу"
          />
        </Field>
      </div>
      {problem ? (
        <Notice tone="error" testId="grant-problem">
          {problem}
        </Notice>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Перевіряємо…" : "Перевірити особу й перейти до підпису"}
      </Button>
    </form>
  );
}
