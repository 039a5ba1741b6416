"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { issueEvodAction } from "@/app/me/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function IssueEvodButton({ label, variant = "primary" }: { label: string; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function issue() {
    setPending(true);
    setError(null);
    const result = await issueEvodAction({});
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button onClick={issue} disabled={pending} variant={variant} aria-busy={pending}>
        {pending ? "Формую документ…" : label}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
