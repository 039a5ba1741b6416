"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestCertificateAction } from "@/app/me/certificates/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { CertificateKind } from "@/lib/rules/certificate-entitlement";

/** One click: the certificate is sealed at once, or the request goes to the unit. */
export function RequestCertificateButton({ kind, label }: { kind: CertificateKind; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);

  async function request() {
    setPending(true);
    setMessage(null);
    const result = await requestCertificateAction({ kind });
    setPending(false);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setMessage(
      result.data.status === "ISSUED"
        ? { tone: "success", text: `Довідку № ${result.data.number} видано й скріплено печаткою.` }
        : {
            tone: "info",
            text: `Запит передано до в/ч ${result.data.unit.code}: період служби має підтвердити стройова частина.`,
          },
    );
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button onClick={request} disabled={pending} aria-busy={pending} data-testid={`request-${kind}`}>
        {pending ? "Формую довідку…" : label}
      </Button>
      {message ? (
        <Notice tone={message.tone} testId={`request-${kind}-result`}>
          {message.text}
        </Notice>
      ) : null}
    </div>
  );
}
