"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeTokenAction } from "@/app/company/api-tokens/actions";
import { Button } from "@/components/ui/button";

/** Revokes at the second click: the first asks to confirm, since an HR system stops at once. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!confirming)
    return (
      <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Відкликати токен «${name}»`}>
        Відкликати
      </Button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm">Система, що ним користується, одразу втратить доступ.</span>
      <Button
        variant="danger"
        size="sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await revokeTokenAction({ tokenId });
          setBusy(false);
          if (!result.ok) return setError(result.error.message);
          router.refresh();
        }}
      >
        Так, відкликати
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Скасувати
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-chip-fail">
          {error}
        </span>
      ) : null}
    </span>
  );
}
