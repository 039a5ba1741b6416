"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { closeVacancyAction } from "@/app/unit/actions";
import { Button } from "@/components/ui/button";

/** Closing declines the applications still waiting, so it asks first and says so. */
export function CloseVacancyButton({ vacancyId, waiting }: { vacancyId: string; waiting: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming)
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        Закрити
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>{waiting > 0 ? `Закрити? ${waiting} відгуків без відповіді буде відхилено.` : "Закрити вакансію?"}</span>
      <Button
        size="sm"
        variant="danger"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await closeVacancyAction({ vacancyId });
          setPending(false);
          if (!result.ok) return setError(result.error.message);
          router.refresh();
        }}
      >
        Так, закрити
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        Ні
      </Button>
      {error ? <span className="text-chip-fail">{error}</span> : null}
    </div>
  );
}
