"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { importTrustListAction, previewTrustListAction } from "@/app/admin/trust-list/actions";
import { bytesToBase64 } from "@/components/kep/base64";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { TrustListProviders, type TrustListProviderView } from "./trust-list-providers";

type Upload = { fileName: string; contentBase64: string };
type Preview = { certificateCount: number; providers: TrustListProviderView[] };

/** Upload the ЦЗО's CACertificates.p7b (or a PEM bundle), see what it holds, then import it. */
export function TrustListImport() {
  const router = useRouter();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File | null) {
    setPreview(null);
    setError(null);
    setDone(null);
    setUpload(null);
    if (!file) return;
    setBusy(true);
    const next = { fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
    const result = await previewTrustListAction(next);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setUpload(next);
    setPreview(result.data);
  }

  async function confirm() {
    if (!upload) return;
    setBusy(true);
    const result = await importTrustListAction(upload);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setDone(
      `Перелік імпортовано: ${result.data.certificateCount} сертифікатів ${result.data.providerCount} надавачів.`,
    );
    setPreview(null);
    setUpload(null);
    router.refresh();
  }

  return (
    <div className="space-y-4" data-testid="trust-list-import">
      <Field
        label="Файл переліку (CACertificates.p7b або PEM)"
        htmlFor="trust-list-file"
        hint="Перелік сертифікатів ЦСК кваліфікованих надавачів, як його публікує Центральний засвідчувальний орган. Новий перелік замінює попередній."
      >
        <input
          id="trust-list-file"
          type="file"
          accept=".p7b,.p7c,.p7s,.pem,.cer,.crt,application/pkcs7-mime"
          disabled={busy}
          onChange={(event) => void choose(event.target.files?.[0] ?? null)}
        />
      </Field>
      {error ? (
        <Notice tone="error" testId="trust-list-error">
          {error}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" testId="trust-list-done">
          {done}
        </Notice>
      ) : null}
      {preview ? (
        <div className="space-y-3" data-testid="trust-list-preview">
          <p className="text-sm">
            У файлі {preview.certificateCount} сертифікатів ЦСК {preview.providers.length} надавачів. Перевірте й
            підтвердьте імпорт.
          </p>
          <TrustListProviders providers={preview.providers} now={new Date()} />
          <Button onClick={confirm} disabled={busy}>
            {busy ? "Імпортуємо…" : "Імпортувати перелік"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
