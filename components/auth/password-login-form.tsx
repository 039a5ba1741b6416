"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { pathAfterSignIn } from "./after-sign-in";
import { loginErrorText } from "./login-errors";

export type Credentials = { login: string; password: string; totp?: string };

export async function signInWithPassword(credentials: Credentials) {
  const result = await signIn("password", { redirect: false, ...credentials });
  return result?.ok && !result.error ? null : (result?.error ?? "INTERNAL");
}

export function PasswordLoginForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!login || !password) {
      setError(!login ? "Вкажіть логін (e-mail або РНОКПП)." : "Вкажіть пароль.");
      return;
    }
    setPending(true);
    setError(null);
    const code = await signInWithPassword({ login, password, totp: String(form.get("totp") ?? "") || undefined });
    if (code) {
      if (code === "TOTP_REQUIRED" || code === "TOTP_INVALID") setNeedTotp(true);
      setError(loginErrorText(code));
      setPending(false);
      return;
    }
    router.push(await pathAfterSignIn(next));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "login-error" : undefined}>
      <Field label="Логін" htmlFor="login" hint="E-mail для посадових осіб, РНОКПП — для інших користувачів">
        <Input id="login" name="login" autoComplete="username" required />
      </Field>
      <Field label="Пароль" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      {needTotp ? (
        <Field label="Одноразовий код (2FA)" htmlFor="totp" hint="6 цифр із застосунку-автентифікатора">
          <Input
            id="totp"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="\d{6}"
            autoFocus
          />
        </Field>
      ) : null}
      {error ? (
        <Notice tone="error" testId="login-error">
          <span id="login-error">{error}</span>
        </Notice>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Вхід…" : "Увійти"}
      </Button>
    </form>
  );
}
