"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text to the clipboard and says so (for screen readers too). */
export function CopyButton({ text, label = "Скопіювати" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied("yes");
          } catch {
            setCopied("no");
          }
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-sm text-muted">
        {copied === "yes" ? "Скопійовано" : copied === "no" ? "Не вдалося: виділіть і скопіюйте вручну" : ""}
      </span>
    </span>
  );
}
