"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

/** Upload a copy of the certificate's PDF: is it byte for byte the sealed file? Nothing is stored. */
export function PdfCheckForm({ code }: { code: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function check() {
    if (!file) return setResult({ ok: false, text: "Оберіть файл PDF довідки" });
    setBusy(true);
    setResult(null);
    try {
      const response = await fetch(`/verify/certificate/${encodeURIComponent(code)}/pdf`, {
        method: "POST",
        headers: { "content-type": "application/pdf" },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as {
        matches?: boolean;
        number?: string;
        error?: { message?: string };
      } | null;
      setResult(
        response.ok && body?.matches
          ? { ok: true, text: `Файл збігається з довідкою № ${body.number}, скріпленою печаткою: його не змінено.` }
          : { ok: false, text: body?.error?.message ?? "Не вдалося перевірити файл" },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <Field
        label="Файл довідки (PDF)"
        htmlFor="certificate-pdf"
        hint="Файл не зберігається: порівнюється лише його відбиток SHA-256 з тим, що скріплено печаткою."
      >
        <Input
          id="certificate-pdf"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Button variant="secondary" onClick={check} disabled={busy} aria-busy={busy}>
        {busy ? "Перевіряю…" : "Перевірити файл"}
      </Button>
      {result ? (
        <Notice tone={result.ok ? "success" : "error"} testId="pdf-check-result">
          {result.text}
        </Notice>
      ) : null}
    </div>
  );
}
