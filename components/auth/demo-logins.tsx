"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { pathAfterSignIn } from "./after-sign-in";
import { loginErrorText } from "./login-errors";
import { signInWithPassword, type Credentials } from "./password-login-form";

export type DemoLogin = {
  key: string;
  roleLabel: string;
  fullName: string;
  login: string;
  password: string;
  detail?: string;
  hasTotp: boolean;
};

export function DemoLogins({
  users,
  next,
  loadCredentials,
}: {
  users: DemoLogin[];
  next: string | null;
  loadCredentials: (key: string) => Promise<Credentials | null>;
}) {
  const router = useRouter();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function enter(key: string) {
    setPendingKey(key);
    setError(null);
    const credentials = await loadCredentials(key);
    const code = credentials ? await signInWithPassword(credentials) : "INTERNAL";
    if (code) {
      setError(loginErrorText(code));
      setPendingKey(null);
      return;
    }
    router.push(await pathAfterSignIn(next));
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <ul className="divide-y divide-line">
        {users.map((u) => (
          <li key={u.key} className="flex items-center gap-3 py-3" data-testid={`demo-user-${u.key}`}>
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium">{u.roleLabel}</p>
              <p className="text-muted">
                {u.fullName}
                {u.detail ? ` · ${u.detail}` : ""}
              </p>
              <p className="tabular text-xs text-muted">
                логін <code>{u.login}</code> · пароль <code>{u.password}</code>
                {u.hasTotp ? " · 2FA" : ""}
              </p>
            </div>
            <Button
              size="sm"
              variant="secondary"
              className="shrink-0"
              onClick={() => enter(u.key)}
              disabled={pendingKey !== null}
              aria-label={`Увійти як ${u.roleLabel}: ${u.fullName}`}
            >
              {pendingKey === u.key ? "Вхід…" : "Увійти"}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
