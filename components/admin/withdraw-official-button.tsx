"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { withdrawOfficialAction } from "@/app/admin/actions";

/** Withdraws an official's powers after an explicit confirmation; effective at once. */
export function WithdrawOfficialButton({ membershipId, name }: { membershipId: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!confirming)
    return (
      <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
        Припинити повноваження
      </Button>
    );
  return (
    <div className="space-y-2 text-sm">
      <p>Припинити повноваження: {name}? Особа одразу втратить доступ до кабінету й права підпису.</p>
      <div className="flex gap-2">
        <Button
          size="sm"
          variant="danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const result = await withdrawOfficialAction({ membershipId });
            setBusy(false);
            if (!result.ok) return setError(result.error.message);
            router.refresh();
          }}
        >
          Так, припинити
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
          Скасувати
        </Button>
      </div>
      {error ? <p className="text-chip-fail">{error}</p> : null}
    </div>
  );
}
