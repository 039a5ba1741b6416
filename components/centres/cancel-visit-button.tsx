"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { cancelCentreVisitAction } from "@/app/me/centres/actions";
import { Button } from "@/components/ui/button";

/** Cancels an upcoming visit after a second click, so a slip of the finger frees no place. */
export function CancelVisitButton({ visitId }: { visitId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setPending(true);
    const result = await cancelCentreVisitAction({ visitId });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <Button variant="danger" size="sm" onClick={cancel} disabled={pending}>
          Так, скасувати запис
        </Button>
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
          Скасувати
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-sm text-chip-fail">
          {error}
        </span>
      ) : null}
    </div>
  );
}
