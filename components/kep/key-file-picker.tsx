"use client";

import { useState, type Ref } from "react";
import { MAX_KEY_FILE_BYTES } from "@/lib/kep/browser";
import { cn } from "@/components/ui/cn";

// The dashed drop zone of Diia's signing page: drop the key file on it, or focus it with Tab
// and press Enter or Space to open the file dialog. Nothing is read here; the signer opens the
// file only once the password is typed.

const SUPPORTED = /\.(p12|pfx|dat|jks)$/i;
const KNOWN_OTHER_CONTAINERS: Record<string, string> = {
  pk8: ".pk8",
  zs2: ".zs2",
};

/** A sentence the holder can act on, or null when the file may be a key file. */
export function describeUnsupportedKeyFile(file: File): string | null {
  if (file.size === 0) return "Файл порожній: оберіть файл ключа (Key-6.dat, .pfx/.p12 або .jks).";
  if (file.size > MAX_KEY_FILE_BYTES)
    return `Файл завеликий (${Math.round(file.size / 1024)} КБ) для файлу ключа: оберіть Key-6.dat, .pfx/.p12 або .jks.`;
  if (SUPPORTED.test(file.name)) return null;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const known = extension ? KNOWN_OTHER_CONTAINERS[extension] : undefined;
  if (known)
    return `Ключі у форматі ${known} портал поки не підтримує: потрібен Key-6.dat, .pfx/.p12 або .jks. Його можна отримати у свого надавача (КНЕДП).`;
  // A PKCS#12 file may carry any name; the signer will say if it is not one.
  return null;
}

export function KeyFilePicker({
  file,
  onChoose,
  disabled,
  inputRef,
}: {
  file: File | null;
  onChoose: (file: File | null) => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [dragging, setDragging] = useState(false);

  return (
    <label
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-2xl border-2 border-dashed bg-white px-4 py-6 text-center transition-colors focus-within:ring-3 focus-within:ring-focus hover:border-ink",
        dragging ? "border-ink bg-chip-info/40" : "border-line",
        disabled && "pointer-events-none opacity-60",
      )}
      onDragEnter={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onChoose(event.dataTransfer.files[0] ?? null);
      }}
    >
      <span className="font-medium">
        {file ? (
          <>
            Файл ключа: <span className="break-all">{file.name}</span>{" "}
            <span className="text-sm font-normal text-muted">
              ({(file.size / 1024).toLocaleString("uk-UA", { maximumFractionDigits: 1 })} КБ)
            </span>
          </>
        ) : dragging ? (
          "Відпустіть файл тут"
        ) : (
          // Dragging a file is for a mouse; a phone only chooses one.
          <>
            <span className="hidden [@media(pointer:fine)]:inline">Перетягніть файл ключа сюди або оберіть його</span>
            <span className="[@media(pointer:fine)]:hidden">Оберіть файл ключа</span>
          </>
        )}
      </span>
      <span className="text-sm text-muted">
        {file ? "Натисніть, щоб обрати інший файл." : "Формати Key-6.dat, .pfx/.p12, .jks."} Ключ і пароль не
        надсилаються на сервер: підпис створюється у вашому браузері.
      </span>
      <input
        ref={inputRef}
        type="file"
        accept=".p12,.pfx,.dat,.jks,application/x-pkcs12"
        className="sr-only"
        disabled={disabled}
        aria-label="Файл ключа КЕП (Key-6.dat, .pfx/.p12 або .jks)"
        onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
        data-testid="kep-file"
      />
    </label>
  );
}
