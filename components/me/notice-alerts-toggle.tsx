"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setNoticeAlertsAction } from "@/app/me/notices/actions";
import { Notice } from "@/components/ui/notice";

/** The opt-in switch; the words of what the message is (and is not) sit beside it, always visible. */
export function NoticeAlertsToggle({ enabled, disclaimer }: { enabled: boolean; disclaimer: string }) {
  const router = useRouter();
  const [checked, setChecked] = useState(enabled);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(next: boolean) {
    // Shown at once; put back if the server refuses.
    setChecked(next);
    setPending(true);
    setError(null);
    const result = await setNoticeAlertsAction({ enabled: String(next) });
    setPending(false);
    if (!result.ok) {
      setChecked(!next);
      return setError(result.error.message);
    }
    setChecked(result.data.enabled);
    router.refresh();
  }

  return (
    <div className="space-y-2" data-testid="notice-alerts">
      <label className="flex items-start gap-3 text-[15px]">
        <input
          type="checkbox"
          className="mt-1 size-5 accent-black"
          checked={checked}
          aria-busy={pending}
          aria-describedby="notice-alerts-disclaimer"
          onChange={(event) => {
            if (!pending) void change(event.target.checked);
          }}
          data-testid="notice-alerts-checkbox"
        />
        <span className="font-medium">Повідомляти, коли ТЦК надішле повістку поштою</span>
      </label>
      <p id="notice-alerts-disclaimer" className="text-sm text-muted" data-testid="notice-alerts-disclaimer">
        Ви отримаєте сповіщення з датою, часом і місцем явки, щойно ТЦК передасть повістку на пошту. {disclaimer}
      </p>
      <p className="text-sm" role="status" data-testid="notice-alerts-state">
        {pending ? "Зберігаю…" : checked ? "Увімкнено" : "Вимкнено"}
      </p>
      {error ? (
        <Notice tone="error" testId="notice-alerts-error">
          {error}
        </Notice>
      ) : null}
    </div>
  );
}
