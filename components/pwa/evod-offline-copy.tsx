"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";
import { saveOfflineCopy } from "./offline-copy";

/**
 * On the еВОД page: keeps this user's copy for offline use and says so. Offline (the copy
 * served by the service worker) it tells the reader that this is the saved copy.
 */
export function EvodOfflineCopy({ savedAt }: { savedAt: string }) {
  const { data: session } = useSession();
  const [state, setState] = useState<"idle" | "saved" | "offline">("idle");

  useEffect(() => {
    if (!navigator.onLine) {
      setState("offline");
      return;
    }
    if (!session?.uid) return;
    let cancelled = false;
    saveOfflineCopy(session.uid)
      .then((saved) => !cancelled && saved && setState("saved"))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [session?.uid]);

  return (
    <p
      className="rounded-2xl bg-chip-info px-4 py-3 text-sm"
      data-testid="evod-offline-note"
      data-state={state}
      role="note"
    >
      {state === "offline" ? <strong>Немає мережі — показано збережену копію. </strong> : null}
      Збережено на цьому пристрої {savedAt}: еВОД відкривається і без мережі. Дійсність документа перевіряється онлайн
      за QR-кодом.
    </p>
  );
}
