"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { prepareWithdrawalAction, withdrawAction } from "@/app/company/authorizations/actions";
import { KepSigner } from "@/components/kep/kep-signer";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

// Withdrawing is signed too: the head sees whose right ends, signs, and the person loses access
// at their next request.

export function WithdrawAuthorizationButton({
  membershipId,
  fullName,
  headRnokpp,
  edrpou,
}: {
  membershipId: string;
  fullName: string;
  headRnokpp: string;
  edrpou: string;
}) {
  const router = useRouter();
  const [prepared, setPrepared] = useState<{ document: string; nonce: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function prepare() {
    setBusy(true);
    setError(null);
    const result = await prepareWithdrawalAction({ membershipId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPrepared({ document: result.data.document, nonce: result.data.nonce });
  }

  if (prepared) {
    return (
      <div className="mt-3 rounded-2xl p-4 ring-1 ring-line">
        <KepSigner
          document={prepared.document}
          summary={
            <p>
              Ви відкликаєте уповноваження: <strong>{fullName}</strong> більше не зможе переглядати працівників і
              готувати заяви.
            </p>
          }
          expectedRnokpp={headRnokpp}
          expectedEdrpou={edrpou}
          submitLabel="Підписати й відкликати"
          doneMessage="Уповноваження відкликано."
          onCancel={() => setPrepared(null)}
          onSigned={async ({ signature }) => {
            const result = await withdrawAction({ membershipId, nonce: prepared.nonce, signature });
            if (!result.ok) return { ok: false, message: result.error.message };
            router.refresh();
            return { ok: true };
          }}
        />
      </div>
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={prepare}
        disabled={busy}
        aria-label={`Відкликати уповноваження: ${fullName}`}
      >
        {busy ? "Готуємо…" : "Відкликати"}
      </Button>
      {error ? (
        <Notice tone="error" className="mt-2">
          {error}
        </Notice>
      ) : null}
    </>
  );
}
