"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { applicationStatusAction } from "@/app/company/actions";
import { Notice } from "@/components/ui/notice";

// While the worker decides (seconds), the page asks for the status every second and, once the
// decision is in, re-renders itself on the server (router.refresh): the results appear without
// a reload. The live region tells a screen-reader user what is happening and when it is done.

const POLL_MS = 1_000;
const SLOW_AFTER_MS = 30_000;

export function DecisionProgress({
  applicationId,
  kind,
}: {
  applicationId: string;
  kind: "RESERVATION" | "ANNULMENT";
}) {
  const router = useRouter();
  const [status, setStatus] = useState<"waiting" | "done" | "error">("waiting");
  const [slow, setSlow] = useState(false);
  const started = useRef(Date.now());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const result = await applicationStatusAction({ applicationId }).catch(() => null);
      if (stopped) return;
      if (result?.ok && (result.data.status === "DECIDED" || result.data.status === "FAILED")) {
        setStatus("done");
        router.refresh();
        return;
      }
      if (result && !result.ok) {
        setStatus("error");
        return;
      }
      setSlow(Date.now() - started.current > SLOW_AFTER_MS);
      timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [applicationId, router]);

  const what = kind === "RESERVATION" ? "заяви" : "заяви про анулювання";
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="decision-progress"
      className="flex items-start gap-3 rounded-2xl bg-chip-pending/40 px-4 py-3"
    >
      {status === "waiting" ? (
        <span
          aria-hidden
          className="mt-1 size-4 shrink-0 animate-spin rounded-full border-2 border-ink border-t-transparent"
        />
      ) : null}
      <div>
        {status === "waiting" ? <p className="font-semibold">Триває розгляд {what}…</p> : null}
        {status === "waiting" ? (
          <p className="text-sm">
            Перевіряємо кожного працівника за даними реєстрів. Зазвичай це кілька секунд — сторінку оновлювати не
            потрібно.
          </p>
        ) : null}
        {status === "done" ? <p className="font-semibold">Рішення ухвалено. Показуємо результат…</p> : null}
        {status === "error" ? <Notice tone="error">Не вдалося дізнатися стан заяви. Оновіть сторінку.</Notice> : null}
        {slow && status === "waiting" ? (
          <p className="mt-1 text-sm">
            Розгляд триває довше, ніж зазвичай. Можна закрити сторінку: результат прийде сповіщенням і на пошту.
          </p>
        ) : null}
      </div>
    </div>
  );
}
