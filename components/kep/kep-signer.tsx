"use client";

import { useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { isKepError, openKeyFile, signDetached, type OpenedKeyFile } from "@/lib/kep/browser";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { DocumentPreview } from "./document-preview";
import { KeyIdentity } from "./key-identity";

export type KepSignedResult = {
  /** Base64 of the detached CMS (.p7s, DER). */
  signature: string;
  signer: { fullName: string; rnokpp: string; edrpou?: string; organization?: string; title?: string; serial: string; notAfter: string };
};

type Props = {
  /** Base64 of the exact bytes the server prepared. */
  document: string;
  /** What is being signed, in words. */
  summary: ReactNode;
  expectedRnokpp?: string;
  expectedEdrpou?: string;
  submitLabel?: string;
  onSigned: (result: KepSignedResult) => Promise<{ ok: true } | { ok: false; message: string }>;
  onCancel?: () => void;
};

/**
 * The one signer of the portal, as in Diia: pick the key file, type its password, read whose
 * key it is, then sign the exact bytes the server prepared. The key file and the password stay
 * in this tab: only the signature is handed to `onSigned`.
 */
export function KepSigner({ document, summary, expectedRnokpp, expectedEdrpou, submitLabel = "Підписати", onSigned, onCancel }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [key, setKey] = useState<OpenedKeyFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "signing" | null>(null);
  const [done, setDone] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const bytes = useMemo(() => base64ToBytes(document), [document]);

  const warnings: string[] = [];
  if (key) {
    if (expectedRnokpp && key.identity.rnokpp !== expectedRnokpp) warnings.push("Ключ належить іншій особі, ніж та, що увійшла до кабінету. Сервер відхилить такий підпис.");
    if (expectedEdrpou && key.identity.edrpou && key.identity.edrpou !== expectedEdrpou) warnings.push(`Ключ видано для іншого підприємства (ЄДРПОУ ${key.identity.edrpou}).`);
    if (key.identity.notAfter.getTime() < Date.now()) warnings.push("Строк дії сертифіката минув.");
  }

  function chooseFile(next: File | null) {
    setFile(next);
    setKey(null);
    setError(null);
  }

  async function readKey() {
    if (!file) return setError("Оберіть файл ключа (.p12 або .pfx).");
    if (!password) return setError("Введіть пароль до ключа.");
    setBusy("reading");
    setError(null);
    try {
      const content = new Uint8Array(await file.arrayBuffer());
      // Decrypting the container takes a moment; let the "reading" state paint first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setKey(openKeyFile(content, password));
    } catch (e) {
      setError(isKepError(e) ? e.message : "Не вдалося прочитати ключ.");
    } finally {
      setBusy(null);
    }
  }

  async function sign() {
    if (!key) return;
    setBusy("signing");
    setError(null);
    try {
      const signature = bytesToBase64(signDetached({ privateKey: key.privateKey, certificate: key.certificate }, bytes));
      const { identity } = key;
      const result = await onSigned({
        signature,
        signer: { fullName: identity.fullName, rnokpp: identity.rnokpp, edrpou: identity.edrpou, organization: identity.organization, title: identity.title, serial: identity.serial, notAfter: identity.notAfter.toISOString() },
      });
      if (result.ok) {
        setDone(true);
        setPassword("");
        setKey(null);
      } else setError(result.message);
    } catch {
      setError("Не вдалося надіслати підпис. Перевірте з'єднання та спробуйте ще раз.");
    } finally {
      setBusy(null);
    }
  }

  if (done) return <Notice tone="success" testId="kep-signed">Документ підписано й надіслано.</Notice>;

  return (
    <section aria-label="Підписання КЕП" className="space-y-4" data-testid="kep-signer">
      <div className="rounded-2xl bg-canvas/60 p-4 text-[15px]">{summary}</div>
      <DocumentPreview bytes={bytes} />
      <p className="text-sm text-muted">{key ? "Крок 2 з 2: перевірте, чий це ключ, і підпишіть" : "Крок 1 з 2: зчитайте ключ"}</p>
      {!key ? (
        <div className="space-y-4">
          <label
            className="flex cursor-pointer flex-col items-center justify-center gap-1 rounded-2xl border-2 border-dashed border-line bg-white px-4 py-6 text-center hover:border-ink"
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              chooseFile(event.dataTransfer.files[0] ?? null);
            }}
          >
            <span className="font-medium">{file ? file.name : "Перетягніть файл ключа сюди або оберіть його"}</span>
            <span className="text-sm text-muted">Формати .p12, .pfx. Ключ не надсилається на сервер.</span>
            <input ref={fileInput} type="file" name="keyFile" accept=".p12,.pfx,application/x-pkcs12" className="sr-only" onChange={(event) => chooseFile(event.target.files?.[0] ?? null)} data-testid="kep-file" />
          </label>
          <Field label="Пароль до ключа" htmlFor="kep-password">
            <Input id="kep-password" type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} onKeyDown={(event) => event.key === "Enter" && readKey()} />
          </Field>
        </div>
      ) : (
        <div className="space-y-3 rounded-2xl ring-1 ring-line p-4">
          <KeyIdentity identity={key.identity} />
          {warnings.map((w) => (
            <Notice key={w} tone="warning">{w}</Notice>
          ))}
        </div>
      )}
      {error ? <Notice tone="error" testId="kep-error">{error}</Notice> : null}
      <div className="flex flex-wrap gap-3">
        {!key ? (
          <Button onClick={readKey} disabled={busy !== null}>{busy === "reading" ? "Зчитуємо ключ…" : "Зчитати ключ"}</Button>
        ) : (
          <>
            <Button onClick={sign} disabled={busy !== null}>{busy === "signing" ? "Підписуємо…" : submitLabel}</Button>
            <Button variant="secondary" onClick={() => { setKey(null); setPassword(""); }} disabled={busy !== null}>Інший ключ</Button>
          </>
        )}
        {onCancel ? <Button variant="ghost" onClick={onCancel} disabled={busy !== null}>Скасувати</Button> : null}
      </div>
    </section>
  );
}
