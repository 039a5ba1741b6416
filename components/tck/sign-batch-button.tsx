"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { prepareBatchSigningAction, signBatchAction } from "@/app/tck/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

// The head signs the whole batch once, with the portal's one browser signer: the key stays in the tab.

export function SignBatchButton({ batchId, count }: { batchId: string; count: number }) {
  const router = useRouter();
  const [prepared, setPrepared] = useState<{ document: string; nonce: string; tccEdrpou: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function prepare() {
    setBusy(true);
    setError(null);
    const result = await prepareBatchSigningAction({ batchId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPrepared(result.data);
  }

  if (prepared) {
    return (
      <KepSigner
        document={prepared.document}
        summary={
          <p>
            Ви підписуєте пакет із <strong>{count}</strong> повісток як начальник ТЦК та СП. Кожна повістка отримає
            QR-код для перевірки.
          </p>
        }
        expectedEdrpou={prepared.tccEdrpou}
        submitLabel="Підписати пакет"
        doneMessage="Пакет повісток підписано."
        onCancel={() => setPrepared(null)}
        onSigned={async ({ signature }) => {
          const result = await signBatchAction({ batchId, nonce: prepared.nonce, signature });
          if (!result.ok) return { ok: false, message: result.error.message };
          router.refresh();
          return { ok: true };
        }}
      />
    );
  }
  return (
    <>
      <Button onClick={prepare} disabled={busy}>
        {busy ? "Готуємо…" : "Підписати КЕП"}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </>
  );
}
