"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { withdrawApplicationAction } from "@/app/me/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** Withdraw while the unit has not answered; asks once more, as a withdrawal tells the unit. */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setPending(true);
    const result = await withdrawApplicationAction({ applicationId });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm">Відкликати відгук?</span>
          <Button size="sm" variant="danger" onClick={withdraw} disabled={pending}>
            Так, відкликати
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Ні
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
          Відкликати
        </Button>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
