"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { KepSigner, type KepSignedResult } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { kepLoginErrorText } from "@/lib/auth/kep-login/kep-login-errors";
import { pathAfterSignIn } from "./after-sign-in";
import { loginErrorText } from "./login-errors";

// Signing in with a КЕП, as in Diia: the portal hands out a one-time challenge, the holder
// signs it in this tab with their key file (the file and its password never leave the
// browser), and only the challenge and the detached signature go to the "kep" provider.

type Challenge = { nonce: string; challenge: string; expiresAt: string; ttlSeconds: number };

/** Refresh the challenge this long before it expires, so a slow holder never signs a stale one. */
const REFRESH_BEFORE_MS = 30_000;

const STALE_CHALLENGE = "Запит на вхід застарів. Оновіть сторінку й підпишіть знову.";

export function KepLoginForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const response = await fetch("/api/auth/kep/nonce", { method: "POST", cache: "no-store" });
      const body = (await response.json().catch(() => null)) as (Challenge & { error?: { message?: string } }) | null;
      if (!response.ok || !body?.challenge) {
        setLoadError(body?.error?.message ?? "Не вдалося підготувати вхід з КЕП. Спробуйте ще раз.");
        return;
      }
      setChallenge(body);
    } catch {
      setLoadError("Не вдалося зв'язатися з порталом. Перевірте з'єднання та спробуйте ще раз.");
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!challenge) return;
    // Counted from when it arrived, not from `expiresAt`: this computer's clock may be off.
    const wait = Math.max(challenge.ttlSeconds * 1000 - REFRESH_BEFORE_MS, 10_000);
    const timer = setTimeout(() => void load(), wait);
    return () => clearTimeout(timer);
  }, [challenge, load]);

  async function onSigned({ signature }: KepSignedResult): Promise<{ ok: true } | { ok: false; message: string }> {
    if (!challenge) return { ok: false, message: STALE_CHALLENGE };
    const result = await signIn("kep", { redirect: false, challenge: challenge.challenge, signature });
    if (result?.ok && !result.error) {
      router.push(await pathAfterSignIn(next));
      router.refresh();
      return { ok: true };
    }
    // The server may have spent this challenge: the next attempt signs a new one.
    void load();
    const code = result?.error ?? "INTERNAL";
    return { ok: false, message: kepLoginErrorText(code) ?? loginErrorText(code)! };
  }

  if (loadError && !challenge) {
    return (
      <div className="space-y-3">
        <Notice tone="error" testId="kep-login-error">
          {loadError}
        </Notice>
        <Button variant="secondary" onClick={() => void load()}>
          Спробувати ще раз
        </Button>
      </div>
    );
  }
  if (!challenge) {
    return (
      <p className="text-sm text-muted" role="status" aria-live="polite">
        Готуємо одноразовий запит на вхід…
      </p>
    );
  }
  return (
    <KepSigner
      document={challenge.challenge}
      summary={
        <p>
          Підпишіть одноразовий запит на вхід своїм ключем КЕП (.p12 або .pfx). Портал перевірить підпис і сертифікат та
          відкриє кабінет за вашими ролями: керівника підприємства, посадової особи чи військовозобов&apos;язаного.
        </p>
      }
      submitLabel="Увійти з КЕП"
      doneMessage="Підпис перевірено. Відкриваємо кабінет…"
      onSigned={onSigned}
    />
  );
}
