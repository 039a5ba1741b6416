"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action-client";
import { Button } from "@/components/ui/button";

/** "Позначити все прочитаним" for any cabinet: the cabinet passes its own server action. */
export function MarkReadButton({
  action,
}: {
  action: (input: { ids?: string[] }) => Promise<ActionResult<{ marked: number }>>;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await action({});
        setPending(false);
        router.refresh();
      }}
    >
      Позначити все прочитаним
    </Button>
  );
}
