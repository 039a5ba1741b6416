"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { issueOfficialTestKeyAction } from "@/app/admin/actions";
import { base64ToBytes } from "@/components/kep/base64";

/** Demo mode: issues the official a key file from the test provider, downloaded at once; its password is shown once. */
export function IssueTestKeyButton({ membershipId }: { membershipId: string }) {
  const [issued, setIssued] = useState<{ password: string; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function issue() {
    setBusy(true);
    setError(null);
    const result = await issueOfficialTestKeyAction({ membershipId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const url = URL.createObjectURL(new Blob([base64ToBytes(result.data.p12Base64)], { type: "application/x-pkcs12" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = result.data.fileName;
    link.click();
    URL.revokeObjectURL(url);
    setIssued({ password: result.data.password, fileName: result.data.fileName });
  }

  if (issued) {
    return (
      <p className="text-sm" data-testid="test-key-issued">
        Ключ «{issued.fileName}» завантажено. Пароль до нього (показано один раз):{" "}
        <span className="font-mono">{issued.password}</span>
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <Button size="sm" variant="secondary" disabled={busy} onClick={issue}>
        {busy ? "Видаємо…" : "Видати тестовий ключ КЕП"}
      </Button>
      {error ? <p className="text-sm text-chip-fail">{error}</p> : null}
    </div>
  );
}
