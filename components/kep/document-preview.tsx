"use client";

import { useMemo } from "react";

/** The exact document being signed, for anyone who wants to see it byte for byte. */
export function DocumentPreview({ bytes }: { bytes: Uint8Array }) {
  const text = useMemo(() => {
    const raw = new TextDecoder().decode(bytes);
    try {
      return JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      return raw;
    }
  }, [bytes]);
  return (
    <details className="rounded-2xl bg-white text-sm ring-1 ring-line">
      <summary className="cursor-pointer px-4 py-2 font-medium">
        Переглянути документ, що підписується ({bytes.length.toLocaleString("uk-UA")} байт)
      </summary>
      <pre className="max-h-72 overflow-auto border-t border-line px-4 py-3 text-xs whitespace-pre-wrap break-all">
        {text}
      </pre>
    </details>
  );
}
