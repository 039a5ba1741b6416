"use client";

import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { isKepError, openKeyContainer, type ContainerKey, type OpenedKeyContainer } from "@/lib/kep/browser";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { DocumentPreview } from "./document-preview";
import { describeUnsupportedKeyFile, KeyFilePicker } from "./key-file-picker";
import { KeyIdentity } from "./key-identity";

export type KepSignedResult = {
  /** Base64 of the detached CMS (.p7s, DER). */
  signature: string;
  signer: {
    fullName: string;
    rnokpp: string;
    edrpou?: string;
    organization?: string;
    title?: string;
    serial: string;
    notAfter: string;
  };
};

type Props = {
  /** Base64 of the exact bytes the server prepared. */
  document: string;
  /** What is being signed, in words. */
  summary: ReactNode;
  expectedRnokpp?: string;
  expectedEdrpou?: string;
  submitLabel?: string;
  /** What the holder reads once `onSigned` succeeded. */
  doneMessage?: string;
  onSigned: (result: KepSignedResult) => Promise<{ ok: true } | { ok: false; message: string }>;
  onCancel?: () => void;
};

/**
 * The one signer of the portal, as in Diia: pick the key file, type its password, read whose
 * key it is, then sign the exact bytes the server prepared. The key file and the password stay
 * in this tab: only the signature is handed to `onSigned`. The password is forgotten as soon as
 * the key is open; the key itself once the document is signed or another key is chosen.
 */
export function KepSigner({
  document,
  summary,
  expectedRnokpp,
  expectedEdrpou,
  submitLabel = "Підписати",
  doneMessage = "Документ підписано й надіслано.",
  onSigned,
  onCancel,
}: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [certificateFile, setCertificateFile] = useState<File | null>(null);
  const [container, setContainer] = useState<OpenedKeyContainer | null>(null);
  const [keyId, setKeyId] = useState<string | null>(null);
  const key: ContainerKey | null = container?.signingKeys.find((candidate) => candidate.id === keyId) ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "signing" | null>(null);
  const [done, setDone] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const signButton = useRef<HTMLButtonElement>(null);
  const bytes = useMemo(() => base64ToBytes(document), [document]);

  // Keyboard flow: a chosen file moves focus to the password, an opened key to the sign button.
  useEffect(() => {
    if (key) signButton.current?.focus();
  }, [key]);

  const warnings: string[] = [];
  if (key) {
    if (expectedRnokpp && key.identity.rnokpp !== expectedRnokpp)
      warnings.push("Ключ належить іншій особі, ніж та, що увійшла до кабінету. Сервер відхилить такий підпис.");
    if (expectedEdrpou && key.identity.edrpou !== expectedEdrpou) {
      warnings.push(
        key.identity.edrpou
          ? `Ключ видано для іншого підприємства (ЄДРПОУ ${key.identity.edrpou}).`
          : "Ключ видано фізичній особі, а не для цього підприємства: сервер відхилить такий підпис.",
      );
    }
    if (key.identity.notAfter.getTime() < Date.now())
      warnings.push("Строк дії сертифіката минув: сервер відхилить такий підпис.");
    if (key.identity.notBefore.getTime() > Date.now()) warnings.push("Строк дії сертифіката ще не почався.");
  }

  const needsCertificate = Boolean(file && /\.dat$/i.test(file.name));
  function setKey(next: OpenedKeyContainer | null) {
    setContainer(next);
    setKeyId(next?.signingKeys[0]?.id ?? null);
  }

  function chooseFile(next: File | null) {
    setKey(null);
    setError(next ? describeUnsupportedKeyFile(next) : null);
    setFile(next);
    if (next) passwordInput.current?.focus();
  }

  function forgetKey() {
    setKey(null);
    setPassword("");
    setFile(null);
    setCertificateFile(null);
    setError(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  async function readKey() {
    if (!file) return setError("Оберіть файл ключа (Key-6.dat, .pfx/.p12 або .jks).");
    const unsupported = describeUnsupportedKeyFile(file);
    if (unsupported) return setError(unsupported);
    if (!password) {
      passwordInput.current?.focus();
      return setError("Введіть пароль до ключа.");
    }
    setBusy("reading");
    setError(null);
    try {
      const content = new Uint8Array(await file.arrayBuffer());
      // Decrypting the container takes a moment; let the "reading" state paint first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const certificates = certificateFile ? [new Uint8Array(await certificateFile.arrayBuffer())] : [];
      setKey(await openKeyContainer({ file: content, name: file.name, password, certificates }));
      setPassword("");
    } catch (e) {
      setError(isKepError(e) ? keyFileErrorText(e.code, e.message) : "Не вдалося прочитати ключ.");
      if (isKepError(e, "WRONG_PASSWORD")) passwordInput.current?.select();
    } finally {
      setBusy(null);
    }
  }

  async function sign() {
    if (!key) return;
    setBusy("signing");
    setError(null);
    try {
      const signature = bytesToBase64(await key.sign(bytes));
      const { identity } = key;
      const result = await onSigned({
        signature,
        signer: {
          fullName: identity.fullName,
          rnokpp: identity.rnokpp,
          edrpou: identity.edrpou,
          organization: identity.organization,
          title: identity.title,
          serial: identity.serial,
          notAfter: identity.notAfter.toISOString(),
        },
      });
      if (result.ok) {
        setDone(true);
        setKey(null);
      } else setError(result.message);
    } catch {
      setError("Не вдалося надіслати підпис. Перевірте з'єднання та спробуйте ще раз.");
    } finally {
      setBusy(null);
    }
  }

  if (done)
    return (
      <Notice tone="success" testId="kep-signed">
        {doneMessage}
      </Notice>
    );

  return (
    <section aria-label="Підписання КЕП" aria-busy={busy !== null} className="space-y-4" data-testid="kep-signer">
      <div className="rounded-2xl bg-canvas/60 p-4 text-[15px]">{summary}</div>
      <DocumentPreview bytes={bytes} />
      <p className="text-sm text-muted">
        {key ? "Перевірте, чий це ключ, і підпишіть." : "Зчитайте ключ: оберіть файл ключа й введіть пароль до нього."}
      </p>
      {!key ? (
        // No <form> and no `name` on the inputs: the signer may sit inside a consumer's form,
        // and nothing of the key or its password must ever be part of a submission.
        <div className="space-y-4">
          <KeyFilePicker file={file} onChoose={chooseFile} disabled={busy !== null} inputRef={fileInput} />
          {needsCertificate || certificateFile ? (
            <Field
              label="Сертифікат до ключа (.cer)"
              htmlFor="kep-certificate"
              hint="Файл Key-6.dat не містить сертифіката: додайте сертифікат підпису, виданий вашим надавачем."
            >
              <input
                id="kep-certificate"
                type="file"
                accept=".cer,.crt,.der,application/pkix-cert"
                disabled={busy !== null}
                data-testid="kep-certificate"
                onChange={(event) => setCertificateFile(event.target.files?.[0] ?? null)}
              />
            </Field>
          ) : null}
          <Field
            label="Пароль до ключа"
            htmlFor="kep-password"
            hint="Пароль захисту особистого ключа, який ви задали при його отриманні."
          >
            <Input
              ref={passwordInput}
              id="kep-password"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                void readKey();
              }}
              disabled={busy !== null}
            />
          </Field>
        </div>
      ) : (
        <div className="space-y-3 rounded-2xl p-4 ring-1 ring-line">
          {container && container.signingKeys.length > 1 ? (
            <fieldset className="space-y-1" data-testid="kep-key-choice">
              <legend className="text-sm font-medium">У файлі кілька ключів: оберіть ключ для підпису</legend>
              {container.signingKeys.map((candidate) => (
                <label key={candidate.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="kep-key"
                    checked={candidate.id === keyId}
                    onChange={() => setKeyId(candidate.id)}
                  />
                  {candidate.identity.fullName} · {candidate.algorithm} · сертифікат{" "}
                  {candidate.identity.serial.slice(0, 12)}…
                </label>
              ))}
            </fieldset>
          ) : null}
          <KeyIdentity identity={key.identity} />
          {warnings.map((w) => (
            <Notice key={w} tone="warning">
              {w}
            </Notice>
          ))}
        </div>
      )}
      {error ? (
        <Notice tone="error" testId="kep-error">
          {error}
        </Notice>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {!key ? (
          <Button onClick={readKey} disabled={busy !== null}>
            {busy === "reading" ? "Зчитуємо ключ…" : "Зчитати ключ"}
          </Button>
        ) : (
          <>
            <Button ref={signButton} onClick={sign} disabled={busy !== null}>
              {busy === "signing" ? "Підписуємо…" : submitLabel}
            </Button>
            <Button variant="secondary" onClick={forgetKey} disabled={busy !== null}>
              Інший ключ
            </Button>
          </>
        )}
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={busy !== null}>
            Скасувати
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** The key-file errors with what to do next. */
function keyFileErrorText(code: string, message: string): string {
  switch (code) {
    case "WRONG_PASSWORD":
      return `${message}. Перевірте розкладку клавіатури й Caps Lock і спробуйте ще раз.`;
    case "BAD_KEY_FILE":
      return `${message}. Оберіть файл особистого ключа, отриманий у надавача (КНЕДП).`;
    case "KEY_ALGORITHM_UNSUPPORTED":
      return `${message}.`;
    case "NO_CERTIFICATE":
    case "NO_SIGNING_KEY":
    case "CURVE_UNSUPPORTED":
    case "KEY_CONTAINER_UNSUPPORTED":
      return `${message}.`;
    default:
      return message;
  }
}
